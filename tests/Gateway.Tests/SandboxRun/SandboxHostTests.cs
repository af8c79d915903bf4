using System.Net;
using System.Net.Sockets;
using Gateway.Sandbox;

namespace Gateway.Tests.SandboxRun;

/// <summary>
/// Two `make run`s on one machine (two checkouts): the second finds the preferred ports taken and
/// starts on free ones, both healthy, each telling `make demo` its own address.
/// </summary>
public sealed class SandboxHostTests
{
    [Fact]
    public async Task StartAsync_TwoSandboxesPreferringTheSamePorts_BothHealthyOnTheirOwn()
    {
        // Ports the test holds stand for another checkout's run; the first sandbox may have them.
        using var grpc = Held(out var grpcPort);
        using var http = Held(out var httpPort);
        using var store = Held(out var storePort);
        using var lender = Held(out var lenderPort);
        grpc.Stop();
        http.Stop();
        store.Stop();
        lender.Stop();
        var folder = Directory.CreateTempSubdirectory("sandbox-").FullName;
        string[] Args(string run) =>
        [
            $"--Sandbox:OutboxPath={Path.Combine(folder, run, "outbox.jsonl")}",
            $"--Sandbox:GrpcPort={grpcPort}", $"--Sandbox:HttpPort={httpPort}",
            $"--Sandbox:StorePort={storePort}", $"--Sandbox:LenderPort={lenderPort}",
        ];

        try
        {
            await using var first = await SandboxHost.StartAsync(Args("a"));
            await using var second = await SandboxHost.StartAsync(Args("b"));

            Assert.Equal(grpcPort, first.GrpcAddress.Port);
            Assert.NotEqual(first.GrpcAddress.Port, second.GrpcAddress.Port);
            Assert.NotEqual(first.HttpAddress.Port, second.HttpAddress.Port);
            Assert.NotEqual(first.Store.Port, second.Store.Port);
            Assert.NotEqual(first.Lender.Address, second.Lender.Address);
            using var client = new HttpClient();
            foreach (var sandbox in new[] { first, second })
            {
                Assert.Equal("Healthy", await client.GetStringAsync(new Uri(sandbox.HttpAddress, "/healthz")));
                var addressFile = Path.Combine(Path.GetDirectoryName(sandbox.OutboxPath)!, "gateway-address");
                Assert.Equal(sandbox.GrpcAddress.ToString().TrimEnd('/'), File.ReadAllText(addressFile).Trim());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TcpListener Held(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
