using System.Text;
using Microsoft.Extensions.Options;

namespace Gateway.Deferral;

/// <summary>
/// The due index, per tenant, split into shards of their own hash tag each
/// (<c>gw:due:{tenant:n}</c>), so a cluster spreads it over its nodes and an instance polls only
/// the tenants it serves; a debtor's reminders always land in the same shard.
/// </summary>
internal sealed class DueShards(IOptions<DeferralOptions> options)
{
    public int Count { get; } = options.Value.Shards;

    public static string Member(string tenantId, string debtorId, string reminderId) => $"{tenantId}|{debtorId}|{reminderId}";

    public static (string TenantId, string DebtorId, string ReminderId) Parse(string member)
    {
        var parts = member.Split('|');
        return parts.Length == 3 ? (parts[0], parts[1], parts[2]) : throw new FormatException("A due-index entry must be tenant|debtor|reminder.");
    }

    public int For(string tenantId, string debtorId)
    {
        // FNV-1a: stable across processes and versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(tenantId + ":" + debtorId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)Count);
    }
}
