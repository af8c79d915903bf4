using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Gateway.Decisions;
using Microsoft.Extensions.Options;

namespace Gateway.Tenancy;

/// <summary>Maps an API key to its tenant. Only SHA-256 digests of keys are held, compared in constant time.</summary>
internal sealed class TenantDirectory
{
    private readonly FrozenDictionary<string, Tenant> _byKeyDigest;

    public TenantDirectory(IOptions<TenancyOptions> options)
    {
        var byDigest = new Dictionary<string, Tenant>(StringComparer.Ordinal);
        foreach (var (id, tenant) in options.Value.Tenants)
        {
            var entry = new Tenant(id, tenant.LenderName, new Uri(tenant.LenderAddress));
            foreach (var digest in tenant.ApiKeySha256)
            {
                byDigest[digest] = entry;
            }
        }

        _byKeyDigest = byDigest.ToFrozenDictionary(StringComparer.Ordinal);
        Tenants = byDigest.Values.DistinctBy(tenant => tenant.Id).ToFrozenDictionary(tenant => tenant.Id, StringComparer.Ordinal);
    }

    public FrozenDictionary<string, Tenant> Tenants { get; }

    public static string Digest(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public bool TryAuthenticate(string? apiKey, out Tenant tenant)
    {
        tenant = null!;
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 256)
        {
            return false;
        }

        // The digest is the lookup key: comparing digests (not keys) keeps the timing of a lookup
        // independent of how much of a guessed key is right.
        return _byKeyDigest.TryGetValue(Digest(apiKey), out tenant!);
    }
}
