using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Functional;

/// <summary>One redis-server, sandbox lender and gateway for every hostile-input test of a class.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    private RedisServer? _redis;

    public TestEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        Environment = await TestEnvironment.StartAsync(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Environment.DisposeAsync();
        await _redis!.DisposeAsync();
    }
}
