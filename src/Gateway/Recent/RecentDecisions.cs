using System.Security.Cryptography;
using System.Threading.Channels;
using Gateway.Deferral;
using Gateway.Store;
using Gateway.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Gateway.Recent;

/// <summary>
/// The per-tenant log of recently decided requests, for replaying them against a candidate rule
/// set. The pipeline hands each decision over without waiting (<see cref="Add"/>); the
/// <see cref="RecentDecisionsWriter"/> writes them in batches. One Redis list per tenant, newest
/// first, under the tenant's own hash tag: the key names the tenant only, and each entry keeps
/// the request sealed (AES-GCM), so the store shows no contact point.
/// </summary>
internal sealed class RecentDecisions(GuardrailStore store, PayloadProtector protector, IOptions<RecentDecisionsOptions> options, TimeProvider time)
{
    /// <summary>How many entries one read asks the store for at a time.</summary>
    private const int ReadPage = 500;

    private readonly RecentDecisionsOptions _options = options.Value;

    private readonly System.Threading.Channels.Channel<RecentEntry> _queue = System.Threading.Channels.Channel.CreateBounded<RecentEntry>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = false,
    });

    private long _queueFullDrops;

    public bool Enabled => _options.Capacity > 0;

    internal ChannelReader<RecentEntry> Pending => _queue.Reader;

    /// <summary>The additional authenticated data an entry's request is sealed with: bound to this log and to its reminder.</summary>
    public static string SealedFor(string reminderId) => "recent:" + reminderId;

    /// <summary>Hands a decided request to the writer; never waits. When the queue is full it is dropped and counted.</summary>
    public void Add(string tenantId, Reminder request, Decision decision)
    {
        if (Enabled && !_queue.Writer.TryWrite(new RecentEntry(tenantId, request, decision)))
        {
            // Counted and logged by the writer, off the hot path.
            Interlocked.Increment(ref _queueFullDrops);
        }
    }

    /// <summary>How many requests were dropped because the queue was full since the last call.</summary>
    internal long TakeQueueFullDrops() => Interlocked.Exchange(ref _queueFullDrops, 0);

    /// <summary>The stored form of one entry: what was decided, in clear, and the request, sealed.</summary>
    public byte[] Seal(RecentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var decision = entry.Decision;
        var recorded = new RecordedDecision
        {
            ReminderId = decision.ReminderId,
            DecidedAt = decision.DecidedAt,
            Outcome = decision.Outcome,
            Reasons = { decision.Reasons },
            RuleSetVersion = decision.RuleSetVersion,
            DebtorId = decision.DebtorId,
            Channel = decision.Channel,
        };
        return RecentRecordFormat.Write(recorded, protector.Protect(entry.Request.ToByteArray(), SealedFor(decision.ReminderId)));
    }

    /// <summary>
    /// The tenant's requests decided at or after <paramref name="since"/> and inside the retention,
    /// most recent first, at most <paramref name="limit"/>. An entry that cannot be opened is
    /// returned with its problem, not thrown.
    /// </summary>
    public Task<IReadOnlyList<RecentRequest>> ReadAsync(string tenantId, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        var oldest = time.GetUtcNow() - _options.Retention;
        var from = (since is { } s && s > oldest ? s : oldest).ToUnixTimeMilliseconds();
        return store.RunAsync("recent", async db =>
        {
            var found = new List<RecentRequest>();
            for (long start = 0; Enabled && found.Count < limit && start < _options.Capacity + ReadPage; start += ReadPage)
            {
                var page = await db.ListRangeAsync(StoreKeys.Recent(tenantId), start, start + ReadPage - 1).ConfigureAwait(false);
                var inRange = 0;
                foreach (var value in page)
                {
                    var entry = (byte[])value!;
                    if (RecentRecordFormat.InstantOf(entry) is { } instant && instant < from)
                    {
                        continue;
                    }

                    inRange++;
                    if (found.Count < limit)
                    {
                        found.Add(Open(entry));
                    }
                }

                // Entries are newest first (instances interleave only within a flush), so a page
                // with nothing in range, or a short one, is the end.
                if (page.Length < ReadPage || inRange == 0)
                {
                    break;
                }
            }

            return (IReadOnlyList<RecentRequest>)found;
        }, cancellationToken);
    }

    private RecentRequest Open(byte[] entry)
    {
        if (!RecentRecordFormat.TryRead(entry, out var recorded, out var sealedRequest))
        {
            var instant = RecentRecordFormat.InstantOf(entry);
            var at = instant is { } ms ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;
            return new RecentRequest(new RecordedDecision { DecidedAt = at }, null, "the recorded entry is damaged and cannot be read");
        }

        try
        {
            var request = Reminder.Parser.ParseFrom(protector.Unprotect(sealedRequest.Span, SealedFor(recorded.ReminderId)));
            return new RecentRequest(recorded, request, null);
        }
        catch (CryptographicException)
        {
            return new RecentRequest(recorded, null, "the recorded request cannot be decrypted: it was sealed under another key (Gateway:ContactHashKey changed since)");
        }
        catch (InvalidProtocolBufferException)
        {
            return new RecentRequest(recorded, null, "the recorded request is damaged and cannot be read");
        }
    }
}
