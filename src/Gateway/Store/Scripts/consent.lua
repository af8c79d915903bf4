-- Record consent or an opt-out for one channel at one contact point, atomically.
-- KEYS[1] consent hash of the debtor
-- ARGV[1] field suffix <channel>:<contact hash>   ARGV[2] grant | revoke   ARGV[3] now (ms)
-- A grant clears an earlier opt-out; a revocation clears an earlier grant.
if ARGV[2] == 'grant' then
  redis.call('HDEL', KEYS[1], 'optout:' .. ARGV[1])
  redis.call('HSET', KEYS[1], 'consent:' .. ARGV[1], ARGV[3])
else
  redis.call('HDEL', KEYS[1], 'consent:' .. ARGV[1])
  redis.call('HSET', KEYS[1], 'optout:' .. ARGV[1], ARGV[3])
end
return 1
