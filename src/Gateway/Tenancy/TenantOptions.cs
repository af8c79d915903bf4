namespace Gateway.Tenancy;

#pragma warning disable CA2227, CA1002 // Options are bound by the configuration binder.

/// <summary>One lender's settings (<c>Gateway:Tenants:{id}</c>).</summary>
public sealed class TenantOptions
{
    /// <summary>
    /// SHA-256 (lower-case hex) of each API key this lender may call with. Keys themselves are never
    /// stored in configuration: <c>printf %s "$KEY" | sha256sum</c>. Several allow rotation.
    /// </summary>
    public List<string> ApiKeySha256 { get; set; } = [];

    /// <summary>The lender's name as messages state it (the <c>{lender_name}</c> placeholder).</summary>
    public string LenderName { get; set; } = string.Empty;

    /// <summary>The lender's <c>lending.v1</c> recheck endpoint, for example <c>https://recheck.lender.example:443</c>.</summary>
    public string LenderAddress { get; set; } = string.Empty;
}
