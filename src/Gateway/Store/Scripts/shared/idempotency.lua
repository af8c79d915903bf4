-- Shared by reserve, finish and hold (included where a script says so; see LuaScripts.cs).
-- What an idempotency key already answers for a request: nil when it answers nothing (no entry,
-- or the entry belongs to `owner`, the held reminder whose release this is, and, when
-- `owner_state` is given, is in that state); else 'CONFLICT' (another request holds the key),
-- 'DUPLICATE' (it is bound to a decision, final or held) or 'PENDING' (a decision under way).
-- The second result is the entry: { fp, state, rid, decision, at }.
local function idempotency_answer(key, fingerprint, owner, owner_state)
  local idem = redis.call('HMGET', key, 'fp', 'state', 'rid', 'decision', 'at')
  if not idem[1] then return nil, idem end
  if owner and idem[3] == owner and (not owner_state or idem[2] == owner_state) then return nil, idem end
  if idem[1] ~= fingerprint then return 'CONFLICT', idem end
  if idem[2] == 'done' or idem[2] == 'held' then return 'DUPLICATE', idem end
  return 'PENDING', idem
end
