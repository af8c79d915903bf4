using Gateway.Hosting;

return await StartupFailure.RunAsync(async () =>
{
    var builder = GatewayApplication.CreateBuilder(args);

    // Only the deployed process drains on SIGTERM; hosts started in process stop at once.
    builder.Services.AddShutdownDrain(builder.Configuration);
    var app = GatewayApplication.Build(builder);
    await app.RunAsync();
});
