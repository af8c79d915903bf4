
namespace Gateway.Channels.Smtp;

/// <summary>
/// Registers the Smtp carrier, and the endpoint behind its unsubscribe links, when
/// <c>Gateway:Carriers:Smtp</c> is configured; otherwise nothing, so older configurations start as before.
/// </summary>
internal static class SmtpServiceCollectionExtensions
{
    public static IServiceCollection AddSmtpCarrier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCarrierWhenConfigured<SmtpCarrier, SmtpCarrierOptions, SmtpCarrierOptionsValidator>(configuration, SmtpCarrierOptions.SectionName, SmtpCarrier.CarrierName);
        if (IsConfigured(configuration))
        {
            services.AddSingleton<UnsubscribeHandler>();
        }

        return services;
    }

    public static bool IsConfigured(IConfiguration configuration) => configuration.GetSection(SmtpCarrierOptions.SectionName).Exists();
}
