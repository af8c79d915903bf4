using Microsoft.Extensions.Options;

namespace Gateway.Channels.Vonage;

/// <summary>Checks <see cref="VonageOptions"/> at start-up, naming each bad key.</summary>
internal sealed class VonageOptionsValidator(IConfiguration configuration) : IValidateOptions<VonageOptions>
{
    private const string Key = VonageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VonageOptions options)
    {
        if (!configuration.GetSection(VonageOptions.SectionName).Exists())
        {
            // Not configured: the carrier is not built, and a route naming it stops start-up instead.
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{Key}:BaseUrl must be an absolute http or https address, for example https://rest.nexmo.com.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{Key}:ApiKey is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiSecret))
        {
            failures.Add($"{Key}:ApiSecret is required.");
        }

        if (options.From is not { Length: >= 8 and <= 16 } || options.From[0] != '+' || !options.From.Skip(1).All(char.IsAsciiDigit))
        {
            failures.Add($"{Key}:From is required: the sender number in E.164 form, for example +14155550100.");
        }

        if (!(options.MessagesPerSecond > 0 && options.MessagesPerSecond <= 10_000))
        {
            failures.Add($"{Key}:MessagesPerSecond must be above 0 and at most 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
