using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The rule version store on a real standalone redis-server.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisRuleSetStoreTests(RedisFixture redis) : RuleSetStoreContract
{
    protected override string ConnectionString => redis.Server.ConnectionString;
}
