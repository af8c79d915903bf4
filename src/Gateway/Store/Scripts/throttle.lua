-- Carrier throughput limit, shared by every gateway instance: GCRA (the generic cell rate
-- algorithm), one key per carrier and sender, holding the theoretical arrival time (TAT) of the
-- next message. A caller reserves the next free slot and waits until it comes, so that messages
-- leave evenly spaced at the sender's rate and no instance polls.
--
-- KEYS[1] gw:throttle:{carrier:sender hash}   (one key, its own slot)
-- ARGV[1] interval between messages (µs)       ARGV[2] longest wait the caller accepts (µs)
--
-- Reply: the wait before sending (µs, >= 0) when a slot was reserved, or -(wait) when the next free
-- slot is further away than the caller accepts (nothing reserved). The clock is Redis's own, so
-- instances with skewed clocks still share one schedule.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
if wait > tonumber(ARGV[2]) then return -wait end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', math.floor((tat + interval - now) / 1000) + 1000)
return wait
