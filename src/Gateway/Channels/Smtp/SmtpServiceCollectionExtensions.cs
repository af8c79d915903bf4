using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Smtp;

/// <summary>Registers the SMTP carrier when <c>Gateway:Carriers:Smtp</c> is configured; otherwise nothing, so older configurations start as before.</summary>
internal static class SmtpServiceCollectionExtensions
{
    public static IServiceCollection AddSmtpCarrier(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SmtpCarrierOptions.SectionName);
        if (!section.Exists())
        {
            return services;
        }

        services.AddOptions<SmtpCarrierOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpCarrierOptions>, SmtpCarrierOptionsValidator>();
        services.AddSingleton<SmtpCarrier>();
        services.AddSingleton<ICarrier>(provider => provider.GetRequiredService<SmtpCarrier>());
        return services;
    }
}
