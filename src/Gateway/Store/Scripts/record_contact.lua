-- Count a contact the gateway did not reserve itself (an agent's call, a call that became a
-- conversation) against caps, in one round trip. Idempotent: the member is the caller's contact id.
--
-- KEYS[1…] cap sorted sets of one debtor (one hash tag, one slot)
-- ARGV[1] member   ARGV[2] when it happened (ms)   ARGV[3] now (ms)   ARGV[4…] per key: span (ms)
for i = 1, #KEYS do
  local span = tonumber(ARGV[3 + i])
  redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
  -- Keep the key while the entry can still count; never shorten a longer life it already has.
  local keep = tonumber(ARGV[2]) + span - tonumber(ARGV[3])
  if keep > redis.call('PTTL', KEYS[i]) then redis.call('PEXPIRE', KEYS[i], keep) end
end
return #KEYS
