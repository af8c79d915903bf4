namespace Gateway.Tenancy;

#pragma warning disable CA2227 // Options are bound by the configuration binder.

/// <summary>The lenders allowed to call (<c>Gateway:Tenants</c>), bound from the <c>Gateway</c> section.</summary>
public sealed class TenancyOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The lenders allowed to call, by tenant id (<c>Gateway:Tenants:{id}</c>).</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);
}
