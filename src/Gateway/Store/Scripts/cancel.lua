-- Cancel one held reminder, atomically, in the debtor's slot. Too late once its release has begun.
-- KEYS[1] held reminder hash   KEYS[2] held-by-debt set   KEYS[3] idempotency hash
-- KEYS[4] decision record      KEYS[5] history   KEYS[6] history sequence
-- ARGV[1] reminder id   ARGV[2] cancelled decision bytes   ARGV[3] record bytes   ARGV[4] now (ms)
-- ARGV[5] record retention (ms)   ARGV[6] idempotency ttl (ms)
-- ARGV[7] the states it may end from, comma-separated (held,review | review)
-- Reply: 1 ended, 0 not in one of those states (released, cancelled or expired already)
--#include history

local state = redis.call('HGET', KEYS[1], 'state')
if not state or not string.find(',' .. ARGV[7] .. ',', ',' .. state .. ',', 1, true) then return 0 end
local now = tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'state', 'cancelled')
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('HGET', KEYS[3], 'rid') == ARGV[1] then
  redis.call('HSET', KEYS[3], 'state', 'done', 'decision', ARGV[2])
  redis.call('PEXPIRE', KEYS[3], ARGV[6])
end
redis.call('SET', KEYS[4], ARGV[2], 'PX', ARGV[5])
append_history(KEYS[5], KEYS[6], now, ARGV[3], ARGV[5])
return 1
