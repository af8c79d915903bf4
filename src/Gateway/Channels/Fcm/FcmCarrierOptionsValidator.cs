using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Fcm;

/// <summary>Checks <see cref="FcmCarrierOptions"/> at start-up, the key included, so a bad key stops start-up rather than the first push.</summary>
internal sealed class FcmCarrierOptionsValidator : IValidateOptions<FcmCarrierOptions>
{
    private const string Key = FcmCarrierOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, FcmCarrierOptions options)
    {
        var failures = new List<string>();
        if (!ServiceAccountKey.TryParse(options.ServiceAccountJson, out var account))
        {
            failures.Add($"{Key}:ServiceAccountJson must be a service account's JSON key with client_email and private_key.");
        }
        else if (!IsRsaKey(account.PrivateKey))
        {
            failures.Add($"{Key}:ServiceAccountJson: private_key is not an RSA private key in PEM form.");
        }
        else if (string.IsNullOrWhiteSpace(options.ProjectId) && account.ProjectId is null)
        {
            failures.Add($"{Key}:ProjectId is required (the service-account key does not name a project).");
        }

        foreach (var (key, uri) in new[] { ("BaseUrl", options.BaseUrl), ("TokenUri", options.TokenUri) })
        {
            if (uri is not { IsAbsoluteUri: true } || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                failures.Add($"{Key}:{key} must be an absolute https address (http only on loopback, for tests).");
            }
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Key}:Timeout must be between 0 and 1 minute.");
        }

        if (options.DefaultTimeToLive < TimeSpan.Zero || options.DefaultTimeToLive > TimeSpan.FromDays(28))
        {
            failures.Add($"{Key}:DefaultTimeToLive must be between 0 and 28 days (FCM's limit).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRsaKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
