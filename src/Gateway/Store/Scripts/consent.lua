-- Record consent or an opt-out for one channel at one contact point, atomically.
-- KEYS[1] consent hash of the debtor
-- ARGV[1] field suffix <channel>:<contact hash>   ARGV[2] grant | revoke   ARGV[3] now (ms)
-- A grant clears an earlier opt-out; a revocation clears an earlier grant.
-- Reply: 1 when the state changed (a new grant, a new opt-out), 0 when it was already so; a
-- repeated opt-out keeps its first instant, which is when the debtor first said stop.
if ARGV[2] == 'grant' then
  redis.call('HDEL', KEYS[1], 'optout:' .. ARGV[1])
  return redis.call('HSET', KEYS[1], 'consent:' .. ARGV[1], ARGV[3])
end
redis.call('HDEL', KEYS[1], 'consent:' .. ARGV[1])
return redis.call('HSETNX', KEYS[1], 'optout:' .. ARGV[1], ARGV[3])
