-- Claim due held reminders from one shard of the due index, under a lease (a visibility timeout):
-- each claimed entry's score moves to now + lease, so if the claiming instance dies the entry is
-- due again when the lease ends and another instance takes it over.
-- KEYS[1] shard (sorted set: member = tenant|debtor|reminder id, score = release time ms)
-- ARGV[1] now (ms)   ARGV[2] lease (ms)   ARGV[3] at most this many
-- Reply: { member, lease score, member, lease score, … }
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local reply = {}
local until_ms = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', until_ms, member)
  reply[#reply + 1] = member
  reply[#reply + 1] = until_ms
end
return reply
