-- Shared by finish, hold and cancel (included where a script says so; see LuaScripts.cs).
-- Appends one record to a debtor's history: a sorted set scored by time whose members carry a
-- 16-digit sequence prefix, so entries of the same millisecond keep the order they were written
-- in; entries older than the retention are dropped, and both keys live as long as the retention.
local function append_history(history, sequence, now, record, retention)
  local seq = redis.call('INCR', sequence)
  redis.call('PEXPIRE', sequence, retention)
  redis.call('ZADD', history, now, string.format('%016d', seq) .. record)
  redis.call('ZREMRANGEBYSCORE', history, '-inf', now - tonumber(retention))
  redis.call('PEXPIRE', history, retention)
end
