using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.Tenancy;

/// <summary>
/// Checks <see cref="AdminOptions"/> at start-up. An administrator key that is also a lender's
/// sending key would let a sender change the rules, so the two lists must not share a key.
/// </summary>
internal sealed partial class AdminOptionsValidator(IOptions<TenancyOptions> gateway) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        if (options.ApiKeySha256.Any(hash => !Sha256Hex().IsMatch(hash ?? string.Empty)))
        {
            failures.Add("Gateway:Admin:ApiKeySha256 must list SHA-256 digests of API keys, as 64 lower-case hex digits.");
        }

        var senderDigests = gateway.Value.Tenants.Values.SelectMany(tenant => tenant.ApiKeySha256).ToHashSet(StringComparer.Ordinal);
        if (options.ApiKeySha256.Any(senderDigests.Contains))
        {
            failures.Add("Gateway:Admin:ApiKeySha256 lists a key that is also in Gateway:Tenants:*:ApiKeySha256; an administrator key must be distinct from every sender's.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\A[0-9a-f]{64}\z", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Sha256Hex();
}
