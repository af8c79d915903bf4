using System.Security.Cryptography;
using System.Text;
using Gateway.Rules;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// Every key name the gateway uses in the store, in this one file. An instance holds the keys of
/// one debtor, all sharing the hash tag <c>{tenant:debtor}</c> so that one script touches one
/// cluster slot; the static members are the keys of a tenant, a contact point, a sender or a rule
/// namespace, each with a hash tag of its own. Tenant and debtor ids are validated to
/// <c>[A-Za-z0-9._-]</c> and rule namespaces to <c>[a-z0-9-]</c>, so no brace can break a tag.
/// Contact points appear only as a keyed hash; caller-chosen strings (idempotency keys, sender
/// ids) only as a digest.
/// </summary>
internal readonly record struct StoreKeys(string TenantId, string DebtorId)
{
    /// <summary>The reminders of one tenant held for a person's review, oldest first.</summary>
    public static RedisKey Review(string tenantId) => $"gw:review:{{{tenantId}}}";

    /// <summary>One shard of a tenant's index of held reminders by due time.</summary>
    public static RedisKey DueShard(string tenantId, int shard) => $"gw:due:{{{tenantId}:{shard}}}";

    /// <summary>A tenant's encrypted log of recent decisions, which rule replay reads.</summary>
    public static RedisKey Recent(string tenantId) => $"gw:recent:{{{tenantId}}}";

    /// <summary>Which tenants and debtors a contact point (by its keyed hash) was sent to, for inbound replies such as STOP.</summary>
    public static RedisKey Inbound(string contactHash) => "gw:inbound:{" + contactHash + "}";

    /// <summary>The send-rate bucket of one carrier's sender (by a digest of the sender id).</summary>
    public static RedisKey Throttle(string carrier, string senderDigest) => "gw:throttle:{" + carrier + ":" + senderDigest + "}";

    /// <summary>The prefix of each rule-set version's hash (<c>…:v:7</c>); the append script adds the number.</summary>
    public static string RuleSetVersionPrefix(string ruleNamespace) => $"gw:rules:{{{ruleNamespace}}}:v:";

    /// <summary>One stored rule-set version.</summary>
    public static RedisKey RuleSetVersion(string ruleNamespace, long version) =>
        RuleSetVersionPrefix(ruleNamespace) + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The number of the latest rule-set version of a namespace.</summary>
    public static RedisKey RuleSetLatest(string ruleNamespace) => $"gw:rules:{{{ruleNamespace}}}:latest";

    /// <summary>The versions of a namespace by number.</summary>
    public static RedisKey RuleSetIndex(string ruleNamespace) => $"gw:rules:{{{ruleNamespace}}}:index";

    /// <summary>The channel on which an instance announces a new rule-set version to the others.</summary>
    public static RedisChannel RuleSetChanged(string ruleNamespace) => RedisChannel.Literal($"gw:rules:{ruleNamespace}:changed");

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
