using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The store contract on a real three-master Redis Cluster: every script touches one slot, by the debtor's hash tag.</summary>
public sealed class RedisClusterGuardrailStoreTests(RedisClusterFixture cluster) : GuardrailStoreContract, IClassFixture<RedisClusterFixture>
{
    protected override string ConnectionString => cluster.ConnectionString;
}
