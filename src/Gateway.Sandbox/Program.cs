using System.Globalization;
using Gateway.Hosting;
using Gateway.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// `make run`: the gateway on its embedded default, ready for a first reminder within a minute.
return await StartupFailure.RunAsync(async () =>
{
    await using var sandbox = await SandboxHost.StartAsync(args);
    var addresses = sandbox.Gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
    var grpc = addresses.FirstOrDefault(a => a.Contains(":5080", StringComparison.Ordinal)) ?? addresses.First();
    var http = addresses.FirstOrDefault(a => a != grpc) ?? grpc;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

        Reminder gateway sandbox is up.
          gateway gRPC      {grpc}   (x-api-key: demo-key, tenant {sandbox.Options.Tenant})
          metrics, health   {http}/metrics   {http}/healthz
          sandbox lender    {sandbox.Lender.Address}
          store (Garnet)    {sandbox.Store.ConnectionString}
          outbox            {sandbox.OutboxPath}

        In another terminal: make demo   (plays every seeded debtor and prints each decision)
        Press Ctrl+C to stop.

        """));

    await sandbox.Gateway.WaitForShutdownAsync();
});
