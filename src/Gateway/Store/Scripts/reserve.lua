-- Check and reserve one reminder, atomically, in one round trip (design step 3).
-- Every key belongs to one debtor and carries the hash tag {tenant:debtor}, so the script touches
-- one slot and runs unchanged on Redis Cluster.
--
-- KEYS[1]  idempotency hash   fields: fp (request fingerprint), state (pending|done), rid, at, decision
-- KEYS[2]  consent hash       fields: optout:<channel>:<contact hash>, consent:<channel>:<contact hash>
-- KEYS[3…] one sorted set per frequency cap: member = reminder id, score = reservation time (ms)
--
-- ARGV[1] now (ms since epoch)        ARGV[2] reminder id          ARGV[3] request fingerprint
-- ARGV[4] idempotency ttl (ms)        ARGV[5] consent field suffix  ARGV[6] consent required (1|0)
-- ARGV[7] dry run (1|0)               ARGV[8] reserved
-- ARGV[9…] per cap, in KEYS order: window (ms), limit
--
-- Reply: { status, reminder id, stored decision, (count, frees at ms) per cap… } where status is
-- RESERVED | OK (dry run passed) | CAP | DUPLICATE | IN_FLIGHT | CONFLICT | OPTED_OUT | CONSENT_MISSING.
-- A cap counts reservations in the sliding window (now - window, now]: exact, with no fixed
-- buckets that could admit twice the limit at a boundary.

local now = tonumber(ARGV[1])
local dry_run = ARGV[7] == '1'

local idem = redis.call('HMGET', KEYS[1], 'fp', 'state', 'rid', 'decision')
if idem[1] then
  if idem[1] ~= ARGV[3] then return { 'CONFLICT', idem[3], '' } end
  if idem[2] == 'done' then return { 'DUPLICATE', idem[3], idem[4] } end
  return { 'IN_FLIGHT', idem[3], '' }
end

if redis.call('HEXISTS', KEYS[2], 'optout:' .. ARGV[5]) == 1 then return { 'OPTED_OUT', '', '' } end
if ARGV[6] == '1' and redis.call('HEXISTS', KEYS[2], 'consent:' .. ARGV[5]) == 0 then
  return { 'CONSENT_MISSING', '', '' }
end

local reply = { 'RESERVED', '', '' }
local full = false
for i = 3, #KEYS do
  local window = tonumber(ARGV[9 + (i - 3) * 2])
  local limit = tonumber(ARGV[10 + (i - 3) * 2])
  local floor = '(' .. (now - window)
  local count = redis.call('ZCOUNT', KEYS[i], floor, '+inf')
  local frees_at = 0
  if count >= limit then
    full = true
    -- A slot opens once the (count - limit + 1) oldest reservations have left the window.
    local oldest = redis.call('ZRANGEBYSCORE', KEYS[i], floor, '+inf', 'WITHSCORES', 'LIMIT', 0, count - limit + 1)
    frees_at = tonumber(oldest[#oldest]) + window
  end
  reply[#reply + 1] = count
  reply[#reply + 1] = frees_at
end

if full then
  reply[1] = 'CAP'
  return reply
end
if dry_run then
  reply[1] = 'OK'
  return reply
end

for i = 3, #KEYS do
  local window = tonumber(ARGV[9 + (i - 3) * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  redis.call('ZADD', KEYS[i], now, ARGV[2])
  redis.call('PEXPIRE', KEYS[i], window)
end
redis.call('HSET', KEYS[1], 'fp', ARGV[3], 'state', 'pending', 'rid', ARGV[2], 'at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return reply
