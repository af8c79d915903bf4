using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Channels.Smtp;

/// <summary>Registers the Smtp carrier when <c>Gateway:Carriers:Smtp</c> is configured; otherwise nothing, so older configurations start as before.</summary>
internal static class SmtpServiceCollectionExtensions
{
    public static IServiceCollection AddSmtpCarrier(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCarrierWhenConfigured<SmtpCarrier, SmtpCarrierOptions, SmtpCarrierOptionsValidator>(configuration, SmtpCarrierOptions.SectionName, SmtpCarrier.CarrierName);
}
