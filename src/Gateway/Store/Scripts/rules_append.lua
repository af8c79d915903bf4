-- Store the next version of the rule set, numbered by the store itself so that two writers can
-- never both get the same number, and only if the writer saw the latest version (optimistic
-- concurrency). One hash tag for every key of one rule namespace, so this touches one slot.
--
-- KEYS[1] latest version (string)   KEYS[2] index of versions (sorted set, score = version)
-- ARGV[1] expected latest version, or -1 for "any"   ARGV[2] explicit version, or 0 for latest + 1
--   (an explicit version is taken only when it is above the latest: seeding from a rule file)
-- ARGV[3] key prefix of version hashes (same hash tag)   ARGV[4] text   ARGV[5] author
-- ARGV[6] reason   ARGV[7] created (ms)   ARGV[8] rolled back to (0 for none)   ARGV[9] name
-- Returns {1, version} when stored, {0, latest} when refused.
local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
local expected = tonumber(ARGV[1])
local explicit = tonumber(ARGV[2])
if expected >= 0 and latest ~= expected then return {0, latest} end
local version = latest + 1
if explicit > 0 then
  if explicit <= latest then return {0, latest} end
  version = explicit
end
redis.call('HSET', ARGV[3] .. version, 'text', ARGV[4], 'author', ARGV[5], 'reason', ARGV[6], 'created_ms', ARGV[7], 'rolled_back_to', ARGV[8], 'name', ARGV[9])
redis.call('ZADD', KEYS[2], version, tostring(version))
redis.call('SET', KEYS[1], version)
return {1, version}
