-- Record or clear a debtor's stated contact preferences, atomically: every field is written or
-- none is, so reserve.lua never sees half of an update.
-- KEYS[1] consent hash of the debtor
-- ARGV[1] set | clear   ARGV[2] channels ('' = any)   ARGV[3] windows ('' = any time)   ARGV[4] now (ms)
-- Reply: for set, 1; for clear, 1 when preferences were recorded, 0 when there were none.
local removed = redis.call('HDEL', KEYS[1], 'pref:channels', 'pref:windows', 'pref:at')
if ARGV[1] == 'clear' then
  if removed > 0 then return 1 end
  return 0
end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'pref:channels', ARGV[2]) end
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'pref:windows', ARGV[3]) end
redis.call('HSET', KEYS[1], 'pref:at', ARGV[4])
return 1
