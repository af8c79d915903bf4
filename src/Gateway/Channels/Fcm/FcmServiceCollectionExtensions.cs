
namespace Gateway.Channels.Fcm;

/// <summary>Registers the Fcm carrier when <c>Gateway:Carriers:Fcm</c> is configured; otherwise nothing, so older configurations start as before.</summary>
internal static class FcmServiceCollectionExtensions
{
    public static IServiceCollection AddFcmCarrier(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCarrierWhenConfigured<FcmCarrier, FcmCarrierOptions, FcmCarrierOptionsValidator>(configuration, FcmCarrierOptions.SectionName, FcmCarrier.CarrierName);
}
