using System.Globalization;
using Gateway.Decisions;
using Gateway.Store;
using Gateway.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Deferral;

/// <summary>
/// The reminders the gateway holds for later: hold, claim when due (under a lease), read back,
/// complete, cancel and expire. Each held reminder lives in its debtor's slot; the due index is
/// sharded. The request is kept encrypted; nothing about the contact point is readable in the store.
/// </summary>
internal sealed class HeldReminders(
    GuardrailStore store,
    DueShards shards,
    PayloadProtector protector,
    IOptions<StoreOptions> storeOptions,
    IOptions<DeferralOptions> deferralOptions,
    TimeProvider time)
{
    private readonly StoreOptions _store = storeOptions.Value;
    private readonly DeferralOptions _deferral = deferralOptions.Value;

    /// <summary>
    /// Holds a deferred reminder until its <c>not_before</c>, or (<paramref name="forReview"/>) until a
    /// reviewer approves it; the decision becomes the held one.
    /// </summary>
    public Task<RecordResult> HoldAsync(DecisionContext context, Reminder original, Decision decision, CancellationToken cancellationToken, bool forReview = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(decision);
        var request = context.Request;
        var keys = new StoreKeys(request.TenantId, request.DebtorId);
        var now = time.GetUtcNow();
        var validUntil = request.DeferUntil ?? (forReview ? now + _deferral.ReviewValidity : decision.NotBefore.ToDateTimeOffset());

        // A reminder waiting for review comes due only when its validity ends: to expire.
        var due = forReview ? validUntil : decision.NotBefore.ToDateTimeOffset();
        var shard = shards.For(request.TenantId, request.DebtorId);
        RedisKey[] keysOfHold = [keys.Idempotency(request.IdempotencyKey), keys.Held(context.ReminderId), keys.HeldByDebt(request.DebtId), keys.Decision(context.ReminderId), keys.History, keys.HistorySequence];
        RedisValue[] values =
        [
            context.ReminderId,
            protector.Protect(original.ToByteArray(), context.ReminderId),
            due.ToUnixTimeMilliseconds(),
            validUntil.ToUnixTimeMilliseconds(),
            keys.IdempotencyDigest(request.IdempotencyKey),
            decision.ToByteArray(),
            GuardrailStore.HistoryRecord(now, context.Releasing ? RecordEvent.Released : RecordEvent.Decided, decision),
            now.ToUnixTimeMilliseconds(),
            (long)_store.DecisionRetention.TotalMilliseconds,
            (long)_store.IdempotencyTtl.TotalMilliseconds,
            request.Fingerprint,
            context.Releasing ? 1 : 0,
            forReview ? "review" : "held",
        ];
        return store.RunAsync("hold", async db =>
        {

            // The index entry first: one without a held reminder behind it is dropped at release,
            // while a held reminder without an index entry would never go.
            var indexed = db.SortedSetAddAsync(StoreKeys.DueShard(request.TenantId, shard), DueShards.Member(request.TenantId, request.DebtorId, context.ReminderId), due.ToUnixTimeMilliseconds());
            var held = db.ScriptEvaluateAsync(LuaScripts.Hold, keysOfHold, values);
            await Task.WhenAll(indexed, held).ConfigureAwait(false);
            var result = RecordResult.Parse(RedisResultReply.From(await held.ConfigureAwait(false)));
            if (forReview && result.Status == RecordStatus.Recorded)
            {
                await db.SortedSetAddAsync(StoreKeys.Review(request.TenantId), DueShards.Member(request.TenantId, request.DebtorId, context.ReminderId), now.ToUnixTimeMilliseconds()).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>Claims the due entries of one shard of a tenant for this instance, for <see cref="DeferralOptions.ClaimLease"/>.</summary>
    public Task<IReadOnlyList<DueClaim>> ClaimDueAsync(string tenantId, int shard, CancellationToken cancellationToken) =>
        store.RunAsync("claim", async db =>
        {
            RedisValue[] values = [time.GetUtcNow().ToUnixTimeMilliseconds(), (long)_deferral.ClaimLease.TotalMilliseconds, _deferral.BatchSize];
            var reply = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.Claim, [StoreKeys.DueShard(tenantId, shard)], values).ConfigureAwait(false))!;
            var claims = new List<DueClaim>(reply.Length / 2);
            for (var i = 0; i + 1 < reply.Length; i += 2)
            {
                claims.Add(new DueClaim(tenantId, shard, (string)reply[i]!, (long)reply[i + 1]));
            }

            return (IReadOnlyList<DueClaim>)claims;
        }, cancellationToken);

    public Task<HeldReminder?> ReadAsync(string tenantId, string debtorId, string reminderId, CancellationToken cancellationToken) =>
        store.RunAsync("held", async db =>
        {
            var fields = await db.HashGetAsync(new StoreKeys(tenantId, debtorId).Held(reminderId), ["state", "request", "due", "expires"]).ConfigureAwait(false);
            if (fields[0].IsNull || fields[1].IsNull)
            {
                return null;
            }

            var request = Reminder.Parser.ParseFrom(protector.Unprotect((byte[])fields[1]!, reminderId));
            return new HeldReminder(tenantId, debtorId, reminderId, (string)fields[0]!, request, FromMilliseconds(fields[2]), FromMilliseconds(fields[3]));
        }, cancellationToken);

    /// <summary>Removes a claimed entry, unless it was rescheduled or reclaimed meanwhile.</summary>
    public Task CompleteAsync(DueClaim claim, CancellationToken cancellationToken) =>
        store.RunAsync("complete", db => db.ScriptEvaluateAsync(LuaScripts.Complete, [StoreKeys.DueShard(claim.TenantId, claim.Shard)], [claim.Member, claim.LeaseScore]), cancellationToken);

    /// <summary>Cancels a held reminder by its idempotency key; null when no reminder with that key is held.</summary>
    public async Task<Decision?> CancelAsync(string tenantId, string debtorId, string idempotencyKey, string reason, CancellationToken cancellationToken)
    {
        var keys = new StoreKeys(tenantId, debtorId);
        var reminderId = await store.RunAsync("cancel", async db =>
        {
            var fields = await db.HashGetAsync(keys.Idempotency(idempotencyKey), ["state", "rid"]).ConfigureAwait(false);
            return fields[0] == "held" ? (string?)fields[1] : null;
        }, cancellationToken).ConfigureAwait(false);
        return reminderId is null ? null : await EndAsync(tenantId, debtorId, reminderId, ReasonCode.Cancelled, "cancel", reason, RecordEvent.Cancelled, AnyHold, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels every held reminder about one debt; returns the reminder ids cancelled.</summary>
    public async Task<IReadOnlyList<string>> CancelForDebtAsync(string tenantId, string debtorId, string debtId, string reason, CancellationToken cancellationToken)
    {
        var keys = new StoreKeys(tenantId, debtorId);
        var held = await store.RunAsync("cancel", db => db.SetMembersAsync(keys.HeldByDebt(debtId)), cancellationToken).ConfigureAwait(false);
        var cancelled = new List<string>();
        foreach (var reminderId in held.Select(member => (string)member!))
        {
            if (await EndAsync(tenantId, debtorId, reminderId, ReasonCode.Cancelled, "cancel", reason, RecordEvent.Cancelled, AnyHold, cancellationToken).ConfigureAwait(false) is not null)
            {
                cancelled.Add(reminderId);
            }
        }

        return cancelled;
    }

    /// <summary>Ends a held reminder whose validity passed before it could go.</summary>
    public Task<Decision?> ExpireAsync(HeldReminder held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        return EndAsync(held.TenantId, held.DebtorId, held.ReminderId, ReasonCode.Expired, "validity", $"valid until {held.ValidUntil:O}, which passed before it could go", RecordEvent.Expired, AnyHold, cancellationToken);
    }

    /// <summary>Ends a reminder held for review: a reviewer rejected it.</summary>
    public Task<Decision?> RejectAsync(string tenantId, string debtorId, string reminderId, string reviewer, string reason, CancellationToken cancellationToken) =>
        EndAsync(tenantId, debtorId, reminderId, ReasonCode.ReviewRejected, "review", $"rejected by {reviewer}: {reason}", RecordEvent.Rejected, "review", cancellationToken);

    /// <summary>Turns a reminder held for review into one ready to release now; false when it is not waiting for review.</summary>
    public Task<bool> ApproveAsync(string tenantId, string debtorId, string reminderId, CancellationToken cancellationToken) =>
        store.RunAsync("review", async db =>
        {
            var approved = (long)(await db.ScriptEvaluateAsync(LuaScripts.Approve, [new StoreKeys(tenantId, debtorId).Held(reminderId)]).ConfigureAwait(false)) == 1;
            if (approved)
            {
                await db.SortedSetRemoveAsync(StoreKeys.Review(tenantId), DueShards.Member(tenantId, debtorId, reminderId)).ConfigureAwait(false);
            }

            return approved;
        }, cancellationToken);

    /// <summary>The reminders of a tenant waiting for review, oldest first, with their decisions.</summary>
    public Task<IReadOnlyList<(string DebtorId, string ReminderId, DateTimeOffset HeldAt, Decision? Decision)>> ListReviewsAsync(string tenantId, int take, CancellationToken cancellationToken) =>
        store.RunAsync("review", async db =>
        {
            var entries = await db.SortedSetRangeByRankWithScoresAsync(StoreKeys.Review(tenantId), 0, take - 1).ConfigureAwait(false);
            var reviews = new List<(string, string, DateTimeOffset, Decision?)>(entries.Length);
            foreach (var entry in entries)
            {
                var (_, debtorId, reminderId) = DueShards.Parse((string)entry.Element!);
                var bytes = (byte[]?)await db.StringGetAsync(new StoreKeys(tenantId, debtorId).Decision(reminderId)).ConfigureAwait(false);
                reviews.Add((debtorId, reminderId, DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score), bytes is null ? null : Decision.Parser.ParseFrom(bytes)));
            }

            return (IReadOnlyList<(string, string, DateTimeOffset, Decision?)>)reviews;
        }, cancellationToken);

    /// <summary>How many held reminders of these tenants wait (for release, and for review), and the release instant of the oldest.</summary>
    public Task<(long Pending, long InReview, DateTimeOffset? OldestDue)> MeasureAsync(IReadOnlyCollection<string> tenantIds, CancellationToken cancellationToken) =>
        store.RunAsync("measure", async db =>
        {
            long pending = 0;
            long inReview = 0;
            foreach (var tenant in tenantIds)
            {
                inReview += await db.SortedSetLengthAsync(StoreKeys.Review(tenant)).ConfigureAwait(false);
            }

            DateTimeOffset? oldest = null;
            foreach (var key in tenantIds.SelectMany(tenant => Enumerable.Range(0, shards.Count).Select(shard => StoreKeys.DueShard(tenant, shard))))
            {
                pending += await db.SortedSetLengthAsync(key).ConfigureAwait(false);
                var first = await db.SortedSetRangeByRankWithScoresAsync(key, 0, 0).ConfigureAwait(false);
                if (first.Length > 0)
                {
                    var due = DateTimeOffset.FromUnixTimeMilliseconds((long)first[0].Score);
                    oldest = oldest is null || due < oldest ? due : oldest;
                }
            }

            return (pending - inReview, inReview, oldest);
        }, cancellationToken);

    /// <summary>Marks a held reminder ended (cancelled or expired) with a final SUPPRESSED decision, in its record and history, and drops it from the due index.</summary>
    private const string AnyHold = "held,review";

    private async Task<Decision?> EndAsync(string tenantId, string debtorId, string reminderId, ReasonCode reason, string rule, string detail, RecordEvent recordEvent, string fromStates, CancellationToken cancellationToken)
    {
        var keys = new StoreKeys(tenantId, debtorId);
        var now = time.GetUtcNow();
        var (held, debtId, idemDigest) = await store.RunAsync("cancel", async db =>
        {
            var decision = (byte[]?)await db.StringGetAsync(keys.Decision(reminderId)).ConfigureAwait(false);
            var fields = await db.HashGetAsync(keys.Held(reminderId), ["idem"]).ConfigureAwait(false);
            return (decision is null ? null : Decision.Parser.ParseFrom(decision), decision is null ? null : Decision.Parser.ParseFrom(decision).DebtId, (string?)fields[0]);
        }, cancellationToken).ConfigureAwait(false);
        if (held is null || idemDigest is null)
        {
            return null;
        }

        var ended = held.Clone();
        ended.Outcome = Outcome.Suppressed;
        ended.Held = false;
        ended.NotBefore = null;
        ended.DecidedAt = Timestamp.FromDateTimeOffset(now);
        ended.Reasons.Clear();
        ended.Reasons.Add(reason);
        ended.Verdicts.Add(new RuleVerdict { Rule = rule, Verdict = Verdict.Suppress, Reason = reason, Detail = detail });
        RedisKey[] keysOfCancel = [keys.Held(reminderId), keys.HeldByDebt(debtId!), keys.IdempotencyByDigest(idemDigest), keys.Decision(reminderId), keys.History, keys.HistorySequence];
        RedisValue[] values =
        [
            reminderId,
            ended.ToByteArray(),
            GuardrailStore.HistoryRecord(now, recordEvent, ended),
            now.ToUnixTimeMilliseconds(),
            (long)_store.DecisionRetention.TotalMilliseconds,
            (long)_store.IdempotencyTtl.TotalMilliseconds,
            fromStates,
        ];
        var done = await store.RunAsync("cancel", async db =>
        {
            var result = (long)(await db.ScriptEvaluateAsync(LuaScripts.Cancel, keysOfCancel, values).ConfigureAwait(false));
            if (result == 1)
            {
                var member = DueShards.Member(tenantId, debtorId, reminderId);
                await Task.WhenAll(
                    db.SortedSetRemoveAsync(StoreKeys.DueShard(tenantId, shards.For(tenantId, debtorId)), member),
                    db.SortedSetRemoveAsync(StoreKeys.Review(tenantId), member)).ConfigureAwait(false);
            }

            return result == 1;
        }, cancellationToken).ConfigureAwait(false);
        return done ? ended : null;
    }

    private static DateTimeOffset FromMilliseconds(RedisValue value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)value!, CultureInfo.InvariantCulture));
}
