using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Registers the stop sequence of a deployed gateway: not ready, a grace for routing to stop, drain, exit.</summary>
public static class DrainServiceCollectionExtensions
{
    public static IServiceCollection AddShutdownDrain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DrainOptions>().Bind(configuration.GetSection(DrainOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DrainOptions>, DrainOptionsValidator>();

        // The host cancels Kestrel's graceful stop when this runs out; it starts counting at
        // SIGTERM, so it covers the readiness delay and the drain after it.
        services.AddOptions<HostOptions>().Configure<IOptions<DrainOptions>>((host, drain) =>
            host.ShutdownTimeout = drain.Value.ReadinessDelay + drain.Value.Timeout);
        services.AddHostedService<ShutdownDrain>();
        return services;
    }
}
