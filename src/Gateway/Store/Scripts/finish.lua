-- Record a decision and settle its reservation, atomically, in one round trip (design step 6).
--
-- KEYS[1]  idempotency hash (always passed, so the script declares every key it may touch)
-- KEYS[2]  decision record (a serialized gateway.v1.Decision)
-- KEYS[3]  pending hash (the reservation's lease)
-- KEYS[4…] cap sorted sets to release the reservation from (none when it was sent, or never reserved)
--
-- ARGV[1] reminder id   ARGV[2] decision bytes (empty: release only, nothing was decided)   ARGV[3] record ttl (ms)
-- ARGV[4] idempotency mode: none | bind (the key answers with this decision from now on)
--                           | unbind (forget the key, so a retry is decided afresh)
-- ARGV[5] idempotency ttl (ms)
--
-- Settling ends the lease either way: a released reservation leaves the caps now, a kept one
-- (sent, or an ambiguous carrier failure) counts for its whole window.
-- The idempotency entry is changed only if this reminder still owns it.

for i = 4, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
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
