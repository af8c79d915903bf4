-- Begin the release of a reminder held for review, once: the first approval turns it into an
-- ordinary held reminder (which the pipeline then releases at once); a second approval finds it gone.
-- KEYS[1] held reminder hash
-- Reply: 1 approved, 0 not waiting for review
if redis.call('HGET', KEYS[1], 'state') ~= 'review' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'held')
return 1
