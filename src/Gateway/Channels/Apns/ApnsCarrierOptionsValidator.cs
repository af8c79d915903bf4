using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Apns;

/// <summary>Checks <see cref="ApnsCarrierOptions"/> at start-up, the signing key included, so a bad key stops start-up rather than the first push.</summary>
internal sealed class ApnsCarrierOptionsValidator : IValidateOptions<ApnsCarrierOptions>
{
    private const string Key = ApnsCarrierOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ApnsCarrierOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } || options.BaseUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Key}:BaseUrl must be an absolute https address (APNs speaks HTTP/2 over TLS only).");
        }

        foreach (var (key, value) in new[] { ("KeyId", options.KeyId), ("TeamId", options.TeamId) })
        {
            if (value is not { Length: 10 } || !value.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{Key}:{key} must be the 10-character id Apple shows for it.");
            }
        }

        if (!IsP256Key(options.PrivateKey))
        {
            failures.Add($"{Key}:PrivateKey must be the contents of the .p8 signing key (a P-256 private key in PEM form).");
        }

        if (string.IsNullOrWhiteSpace(options.Topic))
        {
            failures.Add($"{Key}:Topic is required: the app's bundle id.");
        }

        if (options.Priority is not (5 or 10))
        {
            failures.Add($"{Key}:Priority must be 10 (at once) or 5 (power-saving).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Key}:Timeout must be between 0 and 1 minute.");
        }

        if (options.DefaultTimeToLive < TimeSpan.Zero || options.DefaultTimeToLive > TimeSpan.FromDays(30))
        {
            failures.Add($"{Key}:DefaultTimeToLive must be between 0 and 30 days.");
        }

        if (!CertificatePin.IsWellFormed(options.TrustedCertificateSha256))
        {
            failures.Add($"{Key}:TrustedCertificateSha256 must be a SHA-256 thumbprint (64 hex digits) or absent.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsP256Key(string pem)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key.KeySize == 256;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
