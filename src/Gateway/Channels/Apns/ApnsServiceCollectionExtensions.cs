
namespace Gateway.Channels.Apns;

/// <summary>Registers the APNs carrier when <c>Gateway:Carriers:Apns</c> is configured; otherwise nothing, so older configurations start as before.</summary>
internal static class ApnsServiceCollectionExtensions
{
    public static IServiceCollection AddApnsCarrier(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCarrierWhenConfigured<ApnsCarrier, ApnsCarrierOptions, ApnsCarrierOptionsValidator>(configuration, ApnsCarrierOptions.SectionName, ApnsCarrier.CarrierName);
}
