namespace Gateway.Tenancy;

#pragma warning disable CA2227, CA1002 // Options are bound by the configuration binder.

/// <summary>Who may change the rule set (<c>Gateway:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Gateway:Admin";

    /// <summary>
    /// SHA-256 (lower-case hex) of each administrator API key, for <c>ComplianceAdminService</c>.
    /// No key may also be a lender's sending key. Empty means nobody may call the admin service.
    /// </summary>
    public List<string> ApiKeySha256 { get; set; } = [];
}
