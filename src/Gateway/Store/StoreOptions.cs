namespace Gateway.Store;

/// <summary>The guardrail store (<c>Gateway:Store</c>): Redis 7, Redis Cluster or a Redis-compatible server.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Gateway:Store";

    /// <summary>A StackExchange.Redis configuration string, for example <c>redis-1:6379,redis-2:6379,password=…</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>How long one store round trip may take before the gateway fails closed.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long an idempotency key returns its first decision.</summary>
    public TimeSpan IdempotencyTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long decision records are kept in the store.</summary>
    public TimeSpan DecisionRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a reservation holds its place under the caps before it is committed or released.
    /// A reservation left by an instance that stopped mid-decision counts until then, and no longer.
    /// A decision that takes more than half of it does not relay (it could no longer trust its place).
    /// </summary>
    public TimeSpan ReservationLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>When the store cannot be reached, how far ahead a deferrable reminder is deferred.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the gateway keeps trying, in the background, to write a decision whose record the
    /// store did not take when it was made (a sent reminder's above all: until it is written, its
    /// idempotency key does not answer with it and its reservation holds only for its lease).
    /// </summary>
    public TimeSpan UnwrittenRecordRetryFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many unwritten records one instance keeps retrying at most; past it, new ones are dropped and logged.</summary>
    public int UnwrittenRecordCapacity { get; set; } = 10_000;
}
