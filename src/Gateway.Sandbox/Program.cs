using System.Globalization;
using Gateway.Hosting;
using Gateway.Sandbox;

// `make run`: the gateway on its embedded default, ready for a first reminder within a minute.
return await StartupFailure.RunAsync(async () =>
{
    await using var sandbox = await SandboxHost.StartAsync(args);
    var grpc = sandbox.GrpcAddress.ToString().TrimEnd('/');
    var http = sandbox.HttpAddress.ToString().TrimEnd('/');
    // Inside the working directory (the checkout, under `make run`), the outbox is shown relative
    // to it: what the banner prints is then the same on every machine.
    var outbox = Path.GetRelativePath(Directory.GetCurrentDirectory(), sandbox.OutboxPath) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)
        ? relative
        : sandbox.OutboxPath;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

        Reminder gateway sandbox is up.
          gateway gRPC      {grpc}   (x-api-key: demo-key, tenant {sandbox.Options.Tenant})
          metrics, health   {http}/metrics   {http}/healthz
          sandbox lender    {sandbox.Lender.Address}
          store (Garnet)    {sandbox.Store.ConnectionString}
          outbox            {outbox}

        In another terminal: make demo   (plays every seeded debtor and prints each decision)
        Press Ctrl+C to stop.

        """));

    await sandbox.Gateway.WaitForShutdownAsync();
});
