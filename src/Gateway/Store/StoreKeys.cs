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

    /// <summary>The debtor's append-only decision history.</summary>
    public RedisKey History => Prefix + "history";

    /// <summary>The history's sequence counter: entries of the same millisecond keep the order they were written in.</summary>
    public RedisKey HistorySequence => Prefix + "history-seq";

    /// <summary>How many characters of sequence prefix each history member carries before the record.</summary>
    public const int HistorySequenceLength = 16;

    /// <summary>A reminder the gateway holds for later release.</summary>
    public RedisKey Held(string reminderId) => Prefix + "held:" + reminderId;

    /// <summary>The held reminders about one debt, to cancel them all when a payment posts.</summary>
    public RedisKey HeldByDebt(string debtId) => Prefix + "held-by-debt:" + debtId;

    /// <summary>The name of the idempotency key's hash field in a held reminder: the digest part only.</summary>
    public string IdempotencyDigest(string idempotencyKey) => ((string)Idempotency(idempotencyKey)!)[(Prefix.Length + 5)..];

    public RedisKey IdempotencyByDigest(string digest) => Prefix + "idem:" + digest;

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
