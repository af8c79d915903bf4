-- Record a decision and settle its reservation, atomically, in one round trip (design step 6).
--
-- KEYS[1]  idempotency hash (always passed, so the script declares every key it may touch)
-- KEYS[2]  decision record (a serialized gateway.v1.Decision: the latest state of the reminder)
-- KEYS[3]  pending hash (the reservation's lease)
-- KEYS[4]  history (sorted set: score = time, member = serialized gateway.v1.DecisionRecord)
-- KEYS[5]  held reminder hash, KEYS[6] held-by-debt set: when this decision released a held reminder
-- KEYS[7…] cap sorted sets to release the reservation from (none when it was sent, or never reserved)
--
-- ARGV[1] reminder id   ARGV[2] decision bytes (empty: release only, nothing was decided)   ARGV[3] record retention (ms)
-- ARGV[4] idempotency mode: none | bind (the key answers with this decision from now on)
--                           | unbind (forget the key, so a retry is decided afresh)
-- ARGV[5] idempotency ttl (ms)   ARGV[6] now (ms)   ARGV[7] history record bytes (empty: none)
-- ARGV[8] releasing (1: this ends a held reminder | 0)
--
-- Settling ends the lease either way: a released reservation leaves the caps now, a kept one
-- (sent, or an ambiguous carrier failure) counts for its whole window.
-- The idempotency entry is changed only if this reminder still owns it.

for i = 7, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
if ARGV[7] ~= '' then
  local now = tonumber(ARGV[6])
  redis.call('ZADD', KEYS[4], now, ARGV[7])
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[3]))
  redis.call('PEXPIRE', KEYS[4], ARGV[3])
end
if ARGV[8] == '1' then
  redis.call('HSET', KEYS[5], 'state', 'done')
  redis.call('SREM', KEYS[6], ARGV[1])
end

local mode = ARGV[4]
if mode ~= 'none' and redis.call('HGET', KEYS[1], 'rid') == ARGV[1] then
  if mode == 'bind' then
    redis.call('HSET', KEYS[1], 'state', 'done', 'decision', ARGV[2])
    redis.call('PEXPIRE', KEYS[1], ARGV[5])
  elseif mode == 'unbind' then
    redis.call('DEL', KEYS[1])
  end
end
return 1
