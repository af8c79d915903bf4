using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.Tenancy;

/// <summary>Checks <see cref="TenancyOptions"/> at start-up; each failure names the configuration key to fix.</summary>
internal sealed partial class TenancyOptionsValidator : IValidateOptions<TenancyOptions>
{
    public ValidateOptionsResult Validate(string? name, TenancyOptions options)
    {
        var failures = new List<string>();
        if (options.Tenants.Count == 0)
        {
            failures.Add("Gateway:Tenants must list at least one tenant.");
        }

        foreach (var (id, tenant) in options.Tenants)
        {
            var key = $"Gateway:Tenants:{id}";
            if (!TenantId().IsMatch(id))
            {
                failures.Add($"{key}: the tenant id must match {TenantId()}.");
            }

            if (tenant.ApiKeySha256.Count == 0 || tenant.ApiKeySha256.Any(hash => !Sha256Hex().IsMatch(hash)))
            {
                failures.Add($"{key}:ApiKeySha256 must list at least one SHA-256 of an API key, as 64 lower-case hex digits.");
            }

            if (string.IsNullOrWhiteSpace(tenant.LenderName))
            {
                failures.Add($"{key}:LenderName is required (messages name the lender).");
            }

            if (!Uri.TryCreate(tenant.LenderAddress, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                failures.Add($"{key}:LenderAddress must be an absolute http or https address of the lender's lending.v1 services.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,31}\z", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex TenantId();

    [GeneratedRegex(@"\A[0-9a-f]{64}\z", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Sha256Hex();
}
