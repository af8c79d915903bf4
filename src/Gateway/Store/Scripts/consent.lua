-- Record consent or an opt-out for one channel at one contact point, atomically.
-- KEYS[1] consent hash of the debtor
-- ARGV[1] field suffix <channel>:<contact hash>   ARGV[2] grant | revoke   ARGV[3] now (ms)
-- ARGV[4] source: lender (the consent API) | keyword (the person's reply) | unsubscribe (the
--         person's link) | carrier (the carrier's record of the person's stop)
--
-- An opt-out the person made (every source but the lender) is cleared only by the person's own
-- opt-in (a keyword reply such as START): a lender's grant is refused and changes nothing. An
-- opt-out recorded before sources were kept counts as the person's. A revocation clears a grant.
--
-- Reply: { changed, refused by }: changed 1 when the state moved (a new grant, a new opt-out),
-- 0 when it was already so; refused by the opt-out's source when a grant was refused, else ''.
-- A repeated opt-out keeps its first instant, which is when the debtor first said stop; the
-- person's word replaces a lender's as its source.
local optout = 'optout:' .. ARGV[1]
local source = 'optsrc:' .. ARGV[1]
if ARGV[2] == 'grant' then
  local opted_out = redis.call('HEXISTS', KEYS[1], optout) == 1
  if opted_out then
    local by = redis.call('HGET', KEYS[1], source) or 'keyword'
    if by ~= 'lender' and ARGV[4] == 'lender' then return { 0, by } end
    redis.call('HDEL', KEYS[1], optout, source)
  end
  local granted = redis.call('HSET', KEYS[1], 'consent:' .. ARGV[1], ARGV[3])
  return { (opted_out or granted == 1) and 1 or 0, '' }
end
redis.call('HDEL', KEYS[1], 'consent:' .. ARGV[1])
local changed = redis.call('HSETNX', KEYS[1], optout, ARGV[3])
if changed == 1 or ARGV[4] ~= 'lender' then redis.call('HSET', KEYS[1], source, ARGV[4]) end
return { changed, '' }
