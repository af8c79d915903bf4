using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Recent;

/// <summary>The recent-decisions log on a real three-master Redis Cluster: each tenant's list lives in its own slot, and one batch spans several.</summary>
public sealed class RedisClusterRecentDecisionsTests(RedisClusterFixture cluster) : RecentDecisionsContract, IClassFixture<RedisClusterFixture>
{
    protected override string ConnectionString => cluster.ConnectionString;
}
