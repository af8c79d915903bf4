using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Recent;

/// <summary>The recent-decisions log on a real standalone redis-server.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisRecentDecisionsTests(RedisFixture redis) : RecentDecisionsContract
{
    protected override string ConnectionString => redis.Server.ConnectionString;
}
