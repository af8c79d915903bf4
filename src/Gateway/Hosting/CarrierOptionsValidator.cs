using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Checks <see cref="CarrierOptions"/> at start-up: a gateway with nowhere to relay must not start.</summary>
internal sealed class CarrierOptionsValidator : IValidateOptions<CarrierOptions>
{
    public ValidateOptionsResult Validate(string? name, CarrierOptions options) =>
        string.IsNullOrWhiteSpace(options.OutboxPath)
            ? ValidateOptionsResult.Fail("Gateway:Carriers:OutboxPath is required: it is the only carrier so far (real carriers are configured under Gateway:Carriers too once they exist).")
            : ValidateOptionsResult.Success;
}
