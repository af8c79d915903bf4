using System.Diagnostics;
using StackExchange.Redis;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A real three-master Redis Cluster on loopback: three <c>redis-server --cluster-enabled yes</c>
/// processes joined by <c>redis-cli --cluster create</c>, as lenders run it in production.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private readonly List<RedisServer> _nodes = [];

    public string ConnectionString => string.Join(",", _nodes.Select(node => node.ConnectionString));

    public IReadOnlyList<RedisServer> Nodes => _nodes;

    public async Task InitializeAsync()
    {
        // A node needs two ports (the bus is port + 10000), which rules out port 0: a pair is picked
        // free, and picked again when another process takes one of them before the node binds it.
        for (var attempt = 1; _nodes.Count < 3; attempt++)
        {
            try
            {
                _nodes.Add(await RedisServer.StartAsync(FreePort.NextWithClusterBus(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"));
            }
            catch (PortTakenException) when (attempt < 10)
            {
            }
        }

        var cli = RedisServer.FindExecutable("redis-cli") ?? throw new InvalidOperationException("redis-cli is not installed. `make test` installs it (apt-get install -y redis-tools).");
        var create = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        create.ArgumentList.Add("--cluster");
        create.ArgumentList.Add("create");
        foreach (var node in _nodes)
        {
            create.ArgumentList.Add(node.ConnectionString);
        }

        create.ArgumentList.Add("--cluster-replicas");
        create.ArgumentList.Add("0");
        create.ArgumentList.Add("--cluster-yes");
        using (var process = Process.Start(create)!)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("redis-cli --cluster create failed:\n" + output + await process.StandardError.ReadToEndAsync());
            }
        }

        // The nodes agree on the slot map a moment after create returns.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
            var states = await Task.WhenAll(_nodes.Select(async node =>
                (string)(await connection.GetServer(node.ConnectionString).ExecuteAsync("CLUSTER", "INFO"))!));
            if (states.All(info => info.Contains("cluster_state:ok", StringComparison.Ordinal)) && connection.GetServers().Length == 3)
            {
                return;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException("The Redis Cluster did not reach cluster_state:ok within 20 s");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
