namespace Gateway.Tests.Infrastructure;

/// <summary>One real redis-server shared by a test collection. Tests isolate themselves by tenant and debtor ids.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
