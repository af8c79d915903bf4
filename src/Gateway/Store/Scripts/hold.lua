-- Hold a deferred reminder for the gateway to release itself (design: deferred delivery), in the
-- debtor's slot. The release index entry (a shard of the due index) is written by the caller in
-- the same batch: an index entry without a held reminder is dropped by the worker.
--
-- KEYS[1] idempotency hash   KEYS[2] held reminder hash   KEYS[3] held-by-debt set
-- KEYS[4] decision record    KEYS[5] history (sorted set: score = time, member = sequence + DecisionRecord bytes)
-- KEYS[6] history sequence
-- ARGV[1] reminder id        ARGV[2] encrypted request   ARGV[3] release at (ms)   ARGV[4] valid until (ms)
-- ARGV[5] idempotency key hash (the idempotency field of the held hash, to cancel by debt)
-- ARGV[6] decision bytes     ARGV[7] record bytes        ARGV[8] now (ms)          ARGV[9] record retention (ms)
-- ARGV[10] idempotency ttl (ms)   ARGV[11] request fingerprint
-- ARGV[12] releasing (1: this re-holds a reminder being released | 0)
-- ARGV[13] state: held (released by the gateway at its instant) | review (waits for a person)
-- Reply: { 'HELD' } | { 'DUPLICATE', stored decision } | { 'CONFLICT', reminder id }
--#include idempotency
--#include history

local now = tonumber(ARGV[8])
-- The key already answers (decided, held or cancelled): a retry never holds a second reminder.
local answer, idem = idempotency_answer(KEYS[1], ARGV[11], ARGV[12] == '1' and ARGV[1] or nil)
if answer == 'CONFLICT' then return { 'CONFLICT', idem[3] } end
if answer == 'DUPLICATE' then return { 'DUPLICATE', idem[4] } end
local keep = tonumber(ARGV[4]) - now + tonumber(ARGV[9])
redis.call('HSET', KEYS[2], 'request', ARGV[2], 'due', ARGV[3], 'expires', ARGV[4], 'state', ARGV[13], 'idem', ARGV[5])
redis.call('PEXPIRE', KEYS[2], keep)
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[3], keep)
-- A retry with the same key replays this (deferred, held) decision instead of deciding again.
redis.call('HSET', KEYS[1], 'fp', ARGV[11], 'state', 'held', 'rid', ARGV[1], 'decision', ARGV[6], 'at', ARGV[8])
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[10]), keep))
redis.call('SET', KEYS[4], ARGV[6], 'PX', ARGV[9])
append_history(KEYS[5], KEYS[6], now, ARGV[7], ARGV[9])
return { 'HELD' }
