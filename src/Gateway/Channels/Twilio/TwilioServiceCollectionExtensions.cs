using Microsoft.Extensions.Options;

namespace Gateway.Channels.Twilio;

/// <summary>Registers the Twilio-compatible carrier and its webhooks when <c>Gateway:Carriers:Twilio</c> is configured.</summary>
internal static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddTwilioCarrier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddSingleton<TwilioCarrier>();
        services.AddSingleton(new CarrierRegistration(TwilioCarrier.CarrierName, provider =>
            IsConfigured(provider) ? provider.GetRequiredService<TwilioCarrier>() : null));
        services.AddSingleton<TwilioWebhookHandler>();
        return services;
    }

    /// <summary>Whether <c>Gateway:Carriers:Twilio</c> is present; read when the router is built, so late configuration counts.</summary>
    public static bool IsConfigured(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>().GetSection(TwilioOptions.SectionName).Exists();
}
