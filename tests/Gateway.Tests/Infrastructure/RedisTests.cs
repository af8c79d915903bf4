namespace Gateway.Tests.Infrastructure;

/// <summary>Test classes that share one redis-server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
