using Microsoft.Extensions.Options;

namespace Gateway.Channels.Vonage;

/// <summary>Registers the Vonage-style SMS carrier when <c>Gateway:Carriers:Vonage</c> is configured.</summary>
internal static class VonageServiceCollectionExtensions
{
    public static IServiceCollection AddVonageCarrier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VonageOptions>().Bind(configuration.GetSection(VonageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VonageOptions>, VonageOptionsValidator>();
        services.AddSingleton<VonageCarrier>();
        services.AddSingleton(new CarrierRegistration(VonageCarrier.CarrierName, provider =>
            IsConfigured(provider) ? provider.GetRequiredService<VonageCarrier>() : null));
        return services;
    }

    /// <summary>Whether <c>Gateway:Carriers:Vonage</c> is present; read when the router is built, so late configuration counts.</summary>
    public static bool IsConfigured(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>().GetSection(VonageOptions.SectionName).Exists();
}
