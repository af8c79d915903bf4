using System.Security.Cryptography;
using System.Text;
using Gateway.Rules;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// Every key of one debtor, all sharing the hash tag <c>{tenant:debtor}</c> so that one script
/// touches one cluster slot. Tenant and debtor ids are validated to <c>[A-Za-z0-9._-]</c>, so no
/// brace can break the tag. Contact points appear only as a keyed hash; caller-chosen strings
/// (idempotency keys) only as a digest.
/// </summary>
internal readonly record struct StoreKeys(string TenantId, string DebtorId)
{
    private string Prefix => $"gw:{{{TenantId}:{DebtorId}}}:";

    public RedisKey Consent => Prefix + "consent";

    public RedisKey Pending => Prefix + "pending";

    public RedisKey Idempotency(string idempotencyKey) =>
        Prefix + "idem:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16));

    public RedisKey Decision(string reminderId) => Prefix + "decision:" + reminderId;

    /// <summary>The carrier's delivery reports of one reminder, apart from its record, which they may precede.</summary>
    public RedisKey Delivery(string reminderId) => Prefix + "delivery:" + reminderId;

    public RedisKey Cap(CapRule cap, string debtId, string contactHash) => Prefix + "cap:" + cap.Id + ":" + cap.Scope switch
    {
        CapScope.Debtor => "all",
        CapScope.Debt => "debt:" + debtId,
        CapScope.Contact => "contact:" + contactHash,
        _ => throw new ArgumentOutOfRangeException(nameof(cap), cap.Scope, "unknown cap scope"),
    };
}
