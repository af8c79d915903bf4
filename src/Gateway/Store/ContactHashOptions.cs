namespace Gateway.Store;

/// <summary>The secret behind the contact hash (<c>Gateway:ContactHashKey</c>), bound from the <c>Gateway</c> section.</summary>
public sealed class ContactHashOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Secret key for the keyed hash that stands for contact points in the store
    /// (<c>Gateway:ContactHashKey</c>, at least 32 characters). Changing it orphans opt-outs and
    /// caps recorded under the old key, so rotate it only with a migration. Held reminders'
    /// payloads are encrypted under a key derived from it, too.
    /// </summary>
    public string ContactHashKey { get; set; } = string.Empty;
}
