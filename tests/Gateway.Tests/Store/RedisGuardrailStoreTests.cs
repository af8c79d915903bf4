using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The store contract on a real standalone redis-server.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisGuardrailStoreTests(RedisFixture redis) : GuardrailStoreContract
{
    protected override string ConnectionString => redis.Server.ConnectionString;
}
