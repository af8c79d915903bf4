-- Drops the entries of one tenant's recent-decisions log that are older than its retention.
-- The log is a list, newest first; each entry starts with its decision instant as 13 ASCII
-- digits (ms since the epoch). A damaged entry at the end is dropped too.
--
-- KEYS[1] the tenant's log (gw:recent:{tenant})
-- ARGV[1] the oldest instant kept (ms)     ARGV[2] how many entries one call drops at most
--
-- Reply: how many entries were dropped.

local oldest = tonumber(ARGV[1])
local most = tonumber(ARGV[2])
local dropped = 0
while dropped < most do
  local last = redis.call('LINDEX', KEYS[1], -1)
  if not last then break end
  local at = tonumber(string.sub(last, 1, 13))
  if at and at >= oldest then break end
  redis.call('RPOP', KEYS[1])
  dropped = dropped + 1
end
return dropped
