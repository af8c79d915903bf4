using Microsoft.Extensions.Options;

namespace Gateway.Channels.Twilio;

/// <summary>Checks <see cref="TwilioOptions"/> at start-up, naming each bad key.</summary>
internal sealed class TwilioOptionsValidator(IConfiguration configuration) : IValidateOptions<TwilioOptions>
{
    private const string Key = TwilioOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        if (!configuration.GetSection(TwilioOptions.SectionName).Exists())
        {
            // Not configured: the carrier is not built, and a route naming it stops start-up instead.
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{Key}:BaseUrl must be an absolute http or https address, for example https://api.twilio.com.");
        }

        if (string.IsNullOrWhiteSpace(options.AccountSid))
        {
            failures.Add($"{Key}:AccountSid is required (the account SID, AC…).");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add($"{Key}:AuthToken is required (it authenticates requests and signs webhooks).");
        }

        if (!IsE164(options.SmsFrom))
        {
            failures.Add($"{Key}:SmsFrom is required: the sender number in E.164 form, for example +14155550100.");
        }

        if (options.VoiceFrom is not null && !IsE164(options.VoiceFrom))
        {
            failures.Add($"{Key}:VoiceFrom must be a number in E.164 form when set.");
        }

        if (options.PublicBaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            failures.Add($"{Key}:PublicBaseUrl is required: this gateway's HTTP endpoint as the carrier reaches it (status callbacks and webhook signatures use it).");
        }

        if (!(options.MessagesPerSecond > 0 && options.MessagesPerSecond <= 10_000))
        {
            failures.Add($"{Key}:MessagesPerSecond must be above 0 and at most 10000.");
        }

        if (string.IsNullOrWhiteSpace(options.StartConfirmation))
        {
            failures.Add($"{Key}:StartConfirmation must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.StopConfirmation))
        {
            failures.Add($"{Key}:StopConfirmation must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsE164(string? value) =>
        value is { Length: >= 8 and <= 16 } && value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);
}
