-- Record a carrier's delivery report for one reminder. Reports can arrive out of order (a late
-- "sent" after "delivered"), so a report never replaces one of higher rank.
-- KEYS[1] delivery hash of the reminder (debtor's hash tag)   fields: status, rank, at (ms)
-- ARGV[1] status (DeliveryStatus number)   ARGV[2] rank   ARGV[3] now (ms)   ARGV[4] retention (ms)
-- Reply: 1 when recorded, 0 when an equal or higher report was already there.
local rank = tonumber(redis.call('HGET', KEYS[1], 'rank') or '-1')
if rank >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'rank', ARGV[2], 'at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
