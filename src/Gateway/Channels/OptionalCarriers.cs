using Microsoft.Extensions.Options;

namespace Gateway.Channels;

/// <summary>
/// The one way an optional carrier is registered: only when its section exists (when
/// <c>AddGateway</c> runs), with its options bound and validated at start-up, as an
/// <see cref="ICarrier"/> and as a <see cref="CarrierRegistration"/> that routes may name.
/// </summary>
internal static class OptionalCarriers
{
    public static IServiceCollection AddCarrierWhenConfigured<TCarrier, TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string sectionName, string carrierName)
        where TCarrier : class, ICarrier
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(sectionName);
        if (!section.Exists())
        {
            return services;
        }

        services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        services.AddSingleton<TCarrier>();
        services.AddSingleton<ICarrier>(provider => provider.GetRequiredService<TCarrier>());
        services.AddSingleton(new CarrierRegistration(carrierName, provider => provider.GetRequiredService<TCarrier>()));
        return services;
    }
}
