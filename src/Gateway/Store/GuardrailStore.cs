using System.Globalization;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Rules;
using Gateway.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// The guardrail state: idempotency, consent and caps, checked and reserved in one Lua round trip
/// and settled in one more. Every operation has a time budget; past it, or with the store
/// unreachable, it throws <see cref="StoreUnavailableException"/> and the pipeline fails closed.
/// </summary>
internal sealed partial class GuardrailStore(IConnectionMultiplexer redis, IOptions<StoreOptions> options, ContactHasher hasher, GatewayMetrics metrics, TimeProvider time) : IReservationStore
{
    private readonly StoreOptions _options = options.Value;

    public Task<Reservation> CheckAndReserveAsync(DecisionContext context, IReadOnlyList<CapRule> caps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caps);
        var request = context.Request;
        var keys = new StoreKeys(request.TenantId, request.DebtorId);
        var contactHash = hasher.Hash(request.Contact);
        var zones = context.RecipientZones;
        var arguments = new ReserveArguments(
            Idempotency: keys.Idempotency(request.IdempotencyKey),
            Consent: keys.Consent,
            Pending: keys.Pending,
            HeldOrPending: context.Releasing ? keys.Held(context.ReminderId) : keys.Pending,
            Now: context.Now,
            ReminderId: context.ReminderId,
            Fingerprint: request.Fingerprint,
            IdempotencyTtl: _options.IdempotencyTtl,
            ConsentField: ConsentField(request.Channel, contactHash),
            ConsentRequired: context.Jurisdiction.ConsentRequiredChannels.Contains(request.Channel),
            Mode: context.Mode,
            Lease: _options.ReservationLease,
            Releasing: context.Releasing,
            Channel: RuleNames.Of(request.Channel),
            LocalTimes: PreferenceFields.LocalTimes(context.Now, zones),
            Caps: [.. caps.Select(cap =>
            {
                var bounds = CapBounds.For(cap, context.Now, zones);
                return new ReserveCap(keys.Cap(cap, request.DebtId, contactHash), bounds.FloorMs, cap.Limit, bounds.WindowMs, bounds.ResetMs, bounds.SpanMs, cap.Counts == CapCounts.Attempts);
            })]);
        var (redisKeys, values) = ReserveScript.Encode(arguments);
        return RunAsync("reserve", async db =>
        {
            var reply = (RedisResult[])(await db.ScriptEvaluateAsync(ReserveScript.Text, redisKeys, values).ConfigureAwait(false))!;
            return ReserveScript.Decode(reply, caps);
        }, cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="decision"/> (none: release only) and appends it to the debtor's
    /// history, settles the idempotency key, ends the reservation's lease and releases it from
    /// <paramref name="release"/>; for a released held reminder, ends its hold.
    /// </summary>
    /// <param name="checkIdempotency">True for a decision that never reached the reserve step: if its key already answers, nothing is recorded and the earlier decision is returned.</param>
    /// <param name="retryOf">When this retries a call that failed: the instant of that call, which the history keeps. The first call may have run with only its reply lost; the retry then changes nothing more.</param>
    public Task<RecordResult> FinishAsync(DecisionContext context, Decision? decision, IReadOnlyList<CapRule> release, IdempotencyMode mode, CancellationToken cancellationToken, bool checkIdempotency = false, DateTimeOffset? retryOf = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(release);
        var request = context.Request;
        var keys = new StoreKeys(request.TenantId, request.DebtorId);
        var contactHash = release.Count > 0 ? hasher.Hash(request.Contact) : string.Empty;
        var redisKeys = new RedisKey[7 + release.Count];
        redisKeys[0] = keys.Idempotency(request.IdempotencyKey);
        redisKeys[1] = keys.Decision(context.ReminderId);
        redisKeys[2] = keys.Pending;
        redisKeys[3] = keys.History;
        redisKeys[4] = keys.HistorySequence;
        redisKeys[5] = keys.Held(context.ReminderId);
        redisKeys[6] = keys.HeldByDebt(request.DebtId);
        for (var i = 0; i < release.Count; i++)
        {
            redisKeys[7 + i] = keys.Cap(release[i], request.DebtId, contactHash);
        }

        var now = retryOf ?? time.GetUtcNow();
        RedisValue[] values =
        [
            context.ReminderId,
            decision?.ToByteArray() ?? [],
            (long)_options.DecisionRetention.TotalMilliseconds,
            mode switch { IdempotencyMode.Bind => "bind", IdempotencyMode.Unbind => "unbind", _ => "none" },
            (long)_options.IdempotencyTtl.TotalMilliseconds,
            now.ToUnixTimeMilliseconds(),
            decision is null ? [] : HistoryRecord(now, context.Releasing ? RecordEvent.Released : RecordEvent.Decided, decision),
            context.Releasing && decision is not null ? 1 : 0,
            checkIdempotency ? 1 : 0,
            request.Fingerprint,
            retryOf is null ? 0 : 1,
        ];
        return RunAsync("finish", async db => RecordResult.Parse(RedisResultReply.From(await db.ScriptEvaluateAsync(LuaScripts.Finish, redisKeys, values).ConfigureAwait(false))), cancellationToken);
    }

    /// <summary>One entry of the append-only history, as stored.</summary>
    public static byte[] HistoryRecord(DateTimeOffset at, RecordEvent recordEvent, Decision decision) =>
        new DecisionRecord { RecordedAt = Timestamp.FromDateTimeOffset(at), Event = recordEvent, Decision = decision }.ToByteArray();

    /// <summary>A page of the debtor's history in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<DecisionRecord>> ListHistoryAsync(string tenantId, string debtorId, DateTimeOffset from, DateTimeOffset to, int skip, int take, CancellationToken cancellationToken) =>
        RunAsync("history", async db =>
        {
            var entries = await db.SortedSetRangeByScoreAsync(
                new StoreKeys(tenantId, debtorId).History, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), Exclude.Stop, Order.Ascending, skip, take).ConfigureAwait(false);
            return (IReadOnlyList<DecisionRecord>)entries.Select(entry => DecisionRecord.Parser.ParseFrom(((byte[])entry!).AsSpan(StoreKeys.HistorySequenceLength))).ToList();
        }, cancellationToken);

    /// <summary>Counts a contact the gateway did not reserve itself against <paramref name="caps"/>; idempotent by <paramref name="contactId"/>.</summary>
    public Task RecordContactAsync(string tenantId, string debtorId, string debtId, ContactPoint contact, string contactId, DateTimeOffset occurredAt, IReadOnlyList<CapRule> caps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caps);
        if (caps.Count == 0)
        {
            return Task.CompletedTask;
        }

        var keys = new StoreKeys(tenantId, debtorId);
        var contactHash = hasher.Hash(contact);
        var now = time.GetUtcNow();
        var redisKeys = caps.Select(cap => keys.Cap(cap, debtId, contactHash)).ToArray();
        var values = new RedisValue[3 + caps.Count];
        values[0] = "contact:" + contactId;
        values[1] = occurredAt.ToUnixTimeMilliseconds();
        values[2] = now.ToUnixTimeMilliseconds();
        for (var i = 0; i < caps.Count; i++)
        {
            values[3 + i] = CapBounds.SpanOf(caps[i]);
        }

        return RunAsync("record_contact", db => db.ScriptEvaluateAsync(LuaScripts.RecordContact, redisKeys, values), cancellationToken);
    }

    /// <summary>The decision with the carrier's latest delivery report merged in (reports live apart, as they may arrive before the record).</summary>
    public Task<Decision?> GetDecisionAsync(string tenantId, string debtorId, string reminderId, CancellationToken cancellationToken) =>
        RunAsync("get_decision", async db =>
        {
            var keys = new StoreKeys(tenantId, debtorId);
            var record = db.StringGetAsync(keys.Decision(reminderId));
            var delivery = db.HashGetAsync(keys.Delivery(reminderId), ["status", "at"]);
            var bytes = (byte[]?)await record.ConfigureAwait(false);
            var report = await delivery.ConfigureAwait(false);
            if (bytes is null)
            {
                return null;
            }

            var decision = Decision.Parser.ParseFrom(bytes);
            if (!report[0].IsNull)
            {
                decision.DeliveryStatus = (DeliveryStatus)(int)report[0];
                decision.DeliveryUpdatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(FromMilliseconds(report[1]));
            }

            return decision;
        }, cancellationToken);

    /// <summary>Records a carrier's delivery report unless one of equal or higher <paramref name="rank"/> is there; true when recorded.</summary>
    public Task<bool> SetDeliveryStatusAsync(string tenantId, string debtorId, string reminderId, DeliveryStatus status, int rank, CancellationToken cancellationToken)
    {
        RedisValue[] values = [(int)status, rank, time.GetUtcNow().ToUnixTimeMilliseconds(), (long)_options.DecisionRetention.TotalMilliseconds];
        RedisKey[] keys = [new StoreKeys(tenantId, debtorId).Delivery(reminderId)];
        return RunAsync("delivery", async db => (long)await db.ScriptEvaluateAsync(LuaScripts.Delivery, keys, values).ConfigureAwait(false) == 1, cancellationToken);
    }

    /// <summary>The decision an idempotency key is bound to; <c>InFlight</c> when its reminder is still being decided.</summary>
    public Task<(Decision? Decision, bool InFlight)> GetDecisionByIdempotencyKeyAsync(string tenantId, string debtorId, string idempotencyKey, CancellationToken cancellationToken) =>
        RunAsync("get_decision", async db =>
        {
            var fields = await db.HashGetAsync(new StoreKeys(tenantId, debtorId).Idempotency(idempotencyKey), ["state", "decision"]).ConfigureAwait(false);
            if (fields[0].IsNull)
            {
                return ((Decision?)null, false);
            }

            return fields[0] == "done" ? (Decision.Parser.ParseFrom((byte[])fields[1]!), false) : (null, true);
        }, cancellationToken);

    /// <summary>
    /// Records consent or an opt-out from <paramref name="source"/>. A lender's grant over an opt-out
    /// the person made changes nothing: the answer is that opt-out, with <see cref="ConsentRecord.RefusedBy"/> set.
    /// </summary>
    public Task<ConsentRecord> SetConsentAsync(string tenantId, string debtorId, Channel channel, ContactPoint contact, bool granted, ConsentSource source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = new StoreKeys(tenantId, debtorId);
        RedisValue[] values = [ConsentField(channel, hasher.Hash(contact)), granted ? "grant" : "revoke", now.ToUnixTimeMilliseconds(), SourceName(source)];
        return RunAsync("consent", async db =>
        {
            var reply = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.Consent, [keys.Consent], values).ConfigureAwait(false))!;
            if ((string?)reply[1] is { Length: > 0 } refusedBy)
            {
                return new ConsentRecord(ConsentState.OptedOut, null) { RefusedBy = SourceOf(refusedBy) };
            }

            return new ConsentRecord(granted ? ConsentState.Granted : ConsentState.OptedOut, now) { Changed = (long)reply[0] == 1 };
        }, cancellationToken);
    }

    private static string SourceName(ConsentSource source) => source switch
    {
        ConsentSource.Lender => "lender",
        ConsentSource.Keyword => "keyword",
        ConsentSource.Unsubscribe => "unsubscribe",
        _ => "carrier",
    };

    private static ConsentSource SourceOf(string name) => name switch
    {
        "lender" => ConsentSource.Lender,
        "unsubscribe" => ConsentSource.Unsubscribe,
        "carrier" => ConsentSource.Carrier,
        _ => ConsentSource.Keyword,
    };

    public Task<ConsentRecord> GetConsentAsync(string tenantId, string debtorId, Channel channel, ContactPoint contact, CancellationToken cancellationToken)
    {
        var field = ConsentField(channel, hasher.Hash(contact));
        return RunAsync("consent", async db =>
        {
            var fields = await db.HashGetAsync(new StoreKeys(tenantId, debtorId).Consent, ["optout:" + field, "consent:" + field]).ConfigureAwait(false);
            return fields switch
            {
                [{ IsNull: false } optedOut, _] => new ConsentRecord(ConsentState.OptedOut, FromMilliseconds(optedOut)),
                [_, { IsNull: false } granted] => new ConsentRecord(ConsentState.Granted, FromMilliseconds(granted)),
                _ => new ConsentRecord(ConsentState.None, null),
            };
        }, cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("ping", db => db.PingAsync(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }

    private static string ConsentField(Channel channel, string contactHash) => RuleNames.Of(channel) + ":" + contactHash;

    private static DateTimeOffset FromMilliseconds(RedisValue value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)value!, CultureInfo.InvariantCulture));

    internal Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken) =>
        StoreFailure.RunAsync(redis, _options.OperationTimeout, metrics, operation, call, cancellationToken);
}
