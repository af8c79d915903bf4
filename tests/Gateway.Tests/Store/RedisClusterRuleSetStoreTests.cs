using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The rule version store on a real three-master Redis Cluster: the script's keys share the namespace's hash tag.</summary>
public sealed class RedisClusterRuleSetStoreTests(RedisClusterFixture cluster) : RuleSetStoreContract, IClassFixture<RedisClusterFixture>
{
    protected override string ConnectionString => cluster.ConnectionString;
}
