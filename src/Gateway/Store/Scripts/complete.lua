-- Remove a claimed entry from its shard, only if the claim is still this instance's (its score is
-- the lease this instance set): an entry rescheduled by a new hold, or reclaimed after the lease
-- ran out, stays.
-- KEYS[1] shard   ARGV[1] member   ARGV[2] the lease score of the claim
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
