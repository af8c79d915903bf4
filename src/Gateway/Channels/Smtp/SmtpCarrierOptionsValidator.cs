using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Smtp;

/// <summary>Checks <see cref="SmtpCarrierOptions"/> at start-up; each failure names the key to fix.</summary>
internal sealed class SmtpCarrierOptionsValidator : IValidateOptions<SmtpCarrierOptions>
{
    private const string Key = SmtpCarrierOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SmtpCarrierOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{Key}:Host is required: the SMTP relay's host name.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Key}:Port must be a TCP port (1-65535); submission with STARTTLS is usually 587.");
        }

        if (string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Key}:Username and {Key}:Password are required: the gateway only relays through an authenticated account.");
        }

        if (!IsAddress(options.FromAddress))
        {
            failures.Add($"{Key}:FromAddress must be an email address.");
        }

        if (!IsAddress(options.UnsubscribeMailto))
        {
            failures.Add($"{Key}:UnsubscribeMailto must be an email address (the mailto: of List-Unsubscribe).");
        }

        if (!Uri.TryCreate(options.UnsubscribeUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(url.Query))
        {
            failures.Add($"{Key}:UnsubscribeUrl must be an absolute https address without a query (one-click unsubscribe appends ?token=).");
        }

        if (!UnsubscribeToken.IsValidKey(options.UnsubscribeTokenKey))
        {
            failures.Add($"{Key}:UnsubscribeTokenKey must be base64 of 32 random bytes (for example `openssl rand -base64 32`).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Key}:Timeout must be between 0 and 5 minutes.");
        }

        if (!CertificatePin.IsWellFormed(options.TrustedCertificateSha256))
        {
            failures.Add($"{Key}:TrustedCertificateSha256 must be a SHA-256 thumbprint (64 hex digits) or absent.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAddress(string value) => !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var address) && address.Address == value;
}
