using Gateway.Hosting;

return await StartupFailure.RunAsync(async () =>
{
    var app = GatewayApplication.Build(GatewayApplication.CreateBuilder(args));
    await app.RunAsync();
});
