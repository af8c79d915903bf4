using Microsoft.Extensions.Options;

namespace Gateway.Channels;

/// <summary>
/// Checks <see cref="CarrierOptions"/> at start-up: a gateway with nowhere to relay must not start.
/// Whether each named carrier is configured is checked by <c>CarrierRouter</c>, which knows them.
/// </summary>
internal sealed class CarrierOptionsValidator : IValidateOptions<CarrierOptions>
{
    private static readonly string[] Channels = ["sms", "voice", "email", "push"];

    public ValidateOptionsResult Validate(string? name, CarrierOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.OutboxPath) && options.Routes.Count == 0)
        {
            failures.Add("Gateway:Carriers:Routes must list the carriers of at least one channel (or set Gateway:Carriers:OutboxPath for the sandbox carrier).");
        }

        foreach (var (channel, carriers) in options.Routes)
        {
            if (!Channels.Contains(channel, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Gateway:Carriers:Routes:{channel}: unknown channel; use one of {string.Join(", ", Channels)}.");
            }
            else if (carriers.Count == 0 || carriers.Any(string.IsNullOrWhiteSpace) || carriers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != carriers.Count)
            {
                failures.Add($"Gateway:Carriers:Routes:{channel} must list carrier names, each once, in failover order.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
