-- Check and reserve one reminder, atomically, in one round trip (design step 3).
-- Every key belongs to one debtor and carries the hash tag {tenant:debtor}, so the script touches
-- one slot and runs unchanged on Redis Cluster.
--
-- KEYS[1]  idempotency hash   fields: fp (request fingerprint), state (pending|done), rid, at, decision
-- KEYS[2]  consent hash       fields: optout:<channel>:<contact hash>, consent:<channel>:<contact hash>,
--                              pref:channels, pref:windows, pref:at (the debtor's stated preferences)
-- KEYS[3]  pending hash       field per reservation not yet committed or released: rid -> lease expiry (ms)
-- KEYS[4]  held reminder hash when this decision releases a held reminder (else any key of the slot)
-- KEYS[FIRST_CAP_KEY…] one sorted set per frequency cap: member = reminder id, score = reservation time (ms)
--
-- ARGV[1] now (ms since epoch)        ARGV[2] reminder id           ARGV[3] request fingerprint
-- ARGV[4] idempotency ttl (ms)        ARGV[5] consent field suffix   ARGV[6] consent required (1|0)
-- ARGV[7] dry run (1|0; 2: a rule set preview, a dry run that ignores the idempotency key)
-- ARGV[8] reservation lease (ms)     ARGV[9] longest cap span (ms)
-- ARGV[10] releasing (1: this decides a held reminder at its release | 0)
-- ARGV[11] channel (sms, voice, email, push)
-- ARGV[12] the decision instant's local weekday and minute in each candidate zone: 'day:minute,…'
--          (day 0 Sunday … 6 Saturday; minute 0…1439), computed from the zone data by the caller
-- ARGV[FIRST_CAP_ARG…] per cap, in KEYS order, ARGS_PER_CAP (six) values:
--   floor (ms; entries later than it count), limit, window (ms; 0 for a calendar period),
--   reset (ms; when a calendar period ends; 0 for a sliding window), span (ms; how long entries matter),
--   reserve (1: the cap counts attempts and this reminder is one | 0: it counts conversations,
--   which only RecordContact adds, and is checked but not reserved)
--
-- FIRST_CAP_KEY, FIRST_CAP_ARG and ARGS_PER_CAP are defined by the caller (ReserveScript.cs), which
-- writes the arguments: the layout is written once, there.
--
-- Reply: { status, reminder id, stored decision, stated, stated windows, (count, frees at ms) per cap… }
-- (a refusal before the caps are read replies with the first elements only) where status is
-- RESERVED | OK (dry run passed) | CAP | DUPLICATE | IN_FLIGHT | CONFLICT | OPTED_OUT | CONSENT_MISSING
-- | CANCELLED (the held reminder being released was cancelled first) | CHANNEL_NOT_PREFERRED |
-- OUTSIDE_STATED_HOURS. stated is '1' when the debtor's stated preferences were recorded and met,
-- '' when none are recorded; stated windows are given with OUTSIDE_STATED_HOURS, so the caller can
-- name the next instant they allow.
-- A sliding window counts reservations in (now - window, now]: exact, with no fixed buckets that
-- could admit twice the limit at a boundary.
--
-- A reservation whose instance stopped before committing or releasing it (its lease ran out)
-- counts until the lease ends, then stops counting; its idempotency key is then decided afresh.

--#include idempotency

local now = tonumber(ARGV[1])
local dry_run = ARGV[7] ~= '0'
local preview = ARGV[7] == '2'
local lease = tonumber(ARGV[8])

local releasing = ARGV[10] == '1'
if releasing then
  -- A held reminder cancelled (or expired) before its release began must not go. Once the release
  -- has begun, cancelling is too late: the state says so.
  local held = redis.call('HGET', KEYS[4], 'state')
  if held ~= 'held' and held ~= 'releasing' then return { 'CANCELLED', ARGV[2] } end
end

-- Releasing a held reminder decides its key afresh; but if another instance's release of it is
-- still in progress (pending, inside its lease), this one waits like any duplicate would.
if not preview then
  local answer, idem = idempotency_answer(KEYS[1], ARGV[3], releasing and ARGV[2] or nil, 'held')
  if answer == 'CONFLICT' then return { 'CONFLICT', idem[3] } end
  if answer == 'DUPLICATE' then return { 'DUPLICATE', idem[3], idem[4] } end
  if answer == 'PENDING' then
    if now - tonumber(idem[5]) < lease then return { 'IN_FLIGHT', idem[3] } end
    if not dry_run then redis.call('DEL', KEYS[1]) end
  end
end

if redis.call('HEXISTS', KEYS[2], 'optout:' .. ARGV[5]) == 1 then return { 'OPTED_OUT' } end
if ARGV[6] == '1' and redis.call('HEXISTS', KEYS[2], 'consent:' .. ARGV[5]) == 0 then
  return { 'CONSENT_MISSING' }
end

-- The debtor's stated channels and times (ConsentService SetContactPreferences), as stored by
-- preferences.lua: channels 'sms,email'; windows 'days:from-to;…' with days as weekday digits and
-- minutes of the day, 'to' exclusive. A time is inside only if it is in a window in every zone.
local stated = redis.call('HMGET', KEYS[2], 'pref:channels', 'pref:windows', 'pref:at')
if stated[1] and not string.find(',' .. stated[1] .. ',', ',' .. ARGV[11] .. ',', 1, true) then
  return { 'CHANNEL_NOT_PREFERRED' }
end
if stated[2] then
  for day, minute in string.gmatch(ARGV[12], '(%d):(%d+)') do
    local inside = false
    minute = tonumber(minute)
    for days, from, to in string.gmatch(stated[2], '(%d+):(%d+)%-(%d+)') do
      if string.find(days, day, 1, true) and minute >= tonumber(from) and minute < tonumber(to) then
        inside = true
        break
      end
    end
    if not inside then return { 'OUTSIDE_STATED_HOURS', '', '', '', stated[2] } end
  end
end

-- Abandoned reservations stop counting once their lease has run out. The pending entry is kept
-- until every cap span has passed, so caps touched later by other channels drop it too.
local pending = redis.call('HGETALL', KEYS[3])
for p = 1, #pending, 2 do
  local expires = tonumber(pending[p + 1])
  if expires <= now then
    for i = FIRST_CAP_KEY, #KEYS do redis.call('ZREM', KEYS[i], pending[p]) end
    if expires + tonumber(ARGV[9]) <= now then redis.call('HDEL', KEYS[3], pending[p]) end
  end
end

local reply = { 'RESERVED', '', '', stated[3] and '1' or '', '' }
local full = false
for i = FIRST_CAP_KEY, #KEYS do
  local a = FIRST_CAP_ARG + (i - FIRST_CAP_KEY) * ARGS_PER_CAP
  local floor = '(' .. ARGV[a]
  local limit = tonumber(ARGV[a + 1])
  local window = tonumber(ARGV[a + 2])
  local count = redis.call('ZCOUNT', KEYS[i], floor, '+inf')
  local frees_at = 0
  if count >= limit then
    full = true
    if window > 0 then
      -- A slot opens once the (count - limit + 1) oldest reservations have left the window.
      local oldest = redis.call('ZRANGEBYSCORE', KEYS[i], floor, '+inf', 'WITHSCORES', 'LIMIT', 0, count - limit + 1)
      frees_at = tonumber(oldest[#oldest]) + window
    else
      frees_at = tonumber(ARGV[a + 3])
    end
  end
  reply[#reply + 1] = count
  reply[#reply + 1] = frees_at
end

if full then
  reply[1] = 'CAP'
  return reply
end
if dry_run then
  reply[1] = 'OK'
  return reply
end

for i = FIRST_CAP_KEY, #KEYS do
  local a = FIRST_CAP_ARG + (i - FIRST_CAP_KEY) * ARGS_PER_CAP
  if ARGV[a + 5] == '1' then
    local span = tonumber(ARGV[a + 4])
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
    redis.call('ZADD', KEYS[i], now, ARGV[2])
    redis.call('PEXPIRE', KEYS[i], span)
  end
end
redis.call('HSET', KEYS[3], ARGV[2], now + lease)
redis.call('PEXPIRE', KEYS[3], lease + tonumber(ARGV[9]))
redis.call('HSET', KEYS[1], 'fp', ARGV[3], 'state', 'pending', 'rid', ARGV[2], 'at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if releasing then redis.call('HSET', KEYS[4], 'state', 'releasing') end
return reply
