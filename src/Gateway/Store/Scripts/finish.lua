-- Record a decision and settle its reservation, atomically, in one round trip (design step 6).
--
-- KEYS[1]  idempotency hash (always passed, so the script declares every key it may touch)
-- KEYS[2]  decision record (a serialized gateway.v1.Decision: the latest state of the reminder)
-- KEYS[3]  pending hash (the reservation's lease)
-- KEYS[4]  history (sorted set: score = time, member = serialized gateway.v1.DecisionRecord)
-- KEYS[5]  history sequence (a counter: entries of the same millisecond keep their order)
-- KEYS[6]  held reminder hash, KEYS[7] held-by-debt set: when this decision released a held reminder
-- KEYS[8…] cap sorted sets to release the reservation from (none when it was sent, or never reserved)
--
-- ARGV[1] reminder id   ARGV[2] decision bytes (empty: release only, nothing was decided)   ARGV[3] record retention (ms)
-- ARGV[4] idempotency mode: none | bind (the key answers with this decision from now on)
--                           | unbind (forget the key, so a retry is decided afresh)
-- ARGV[5] idempotency ttl (ms)   ARGV[6] now (ms)   ARGV[7] history record bytes (empty: none)
-- ARGV[8] releasing (1: this ends a held reminder | 0)
-- ARGV[9] check (1: this decision holds nothing, so its idempotency key was not claimed: if the
--         key already answers, replay that instead of recording; if it is free and the mode is
--         bind, claim and bind it to this decision | 0)
-- ARGV[10] request fingerprint (with check)
-- ARGV[11] retry (1: an earlier call with these arguments may have run, its reply lost | 0)
--
-- Reply: { 'RECORDED' } | { 'DUPLICATE', stored decision } | { 'CONFLICT', reminder id }
--
-- Settling ends the lease either way: a released reservation leaves the caps now, a kept one
-- (sent, or an ambiguous carrier failure) counts for its whole window.
-- The idempotency entry is changed only if this reminder still owns it.

--#include idempotency
--#include history

-- A retried call whose first try did run (the reply was lost, not the request) must not append
-- the history entry twice: the decision record, written in the same atomic step, tells.
if ARGV[11] == '1' and ARGV[2] ~= '' and redis.call('GET', KEYS[2]) == ARGV[2] then
  return { 'RECORDED' }
end

if ARGV[9] == '1' then
  -- A retry refused by a local rule (quiet hours, say) must still answer with the first decision.
  -- The release of a held reminder is not a retry: its own hold is what it now ends.
  local answer, idem = idempotency_answer(KEYS[1], ARGV[10], ARGV[8] == '1' and ARGV[1] or nil)
  if answer == 'CONFLICT' then return { 'CONFLICT', idem[3] } end
  if answer == 'DUPLICATE' then return { 'DUPLICATE', idem[4] } end
  -- Refused before the key was claimed (a local rule, consent, a full cap): a final outcome binds
  -- the key now, below, so that a retry replays this decision instead of deciding again.
  if answer == nil and not idem[1] and ARGV[4] == 'bind' and ARGV[2] ~= '' then
    redis.call('HSET', KEYS[1], 'fp', ARGV[10], 'rid', ARGV[1], 'at', ARGV[6])
  end
end

for i = 8, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('HDEL', KEYS[3], ARGV[1])
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
if ARGV[7] ~= '' then
  append_history(KEYS[4], KEYS[5], tonumber(ARGV[6]), ARGV[7], ARGV[3])
end
if ARGV[8] == '1' then
  redis.call('HSET', KEYS[6], 'state', 'done')
  redis.call('SREM', KEYS[7], ARGV[1])
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
return { 'RECORDED' }
