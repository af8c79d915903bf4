using System.Globalization;
using Gateway.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.RuleSets.Versions;

/// <summary>
/// The version history of the rule set in Redis: a hash per version (text, author, reason, time),
/// a sorted-set index and the latest number. Numbers are assigned by one Lua script, so concurrent
/// writers on any instance never share a number, and an append with a stale expected version is
/// refused. Every append is announced on a pub/sub channel so every instance switches at once.
/// </summary>
internal sealed class RuleSetStore(IConnectionMultiplexer redis, IOptions<RuleStoreOptions> ruleOptions, IOptions<StoreOptions> storeOptions, TimeProvider time)
{
    private static readonly RedisValue[] InfoFields = ["name", "author", "reason", "created_ms", "rolled_back_to"];
    private readonly string _namespace = ruleOptions.Value.Namespace;
    private readonly TimeSpan _timeout = storeOptions.Value.OperationTimeout;

    public Task<long> GetLatestVersionAsync(CancellationToken cancellationToken) =>
        RunAsync("latest", async db => (long?)await db.StringGetAsync(StoreKeys.RuleSetLatest(_namespace)).ConfigureAwait(false) ?? 0, cancellationToken);

    public Task<StoredRuleSet?> GetAsync(long version, CancellationToken cancellationToken) =>
        RunAsync("get", async db =>
        {
            var fields = await db.HashGetAsync(StoreKeys.RuleSetVersion(_namespace, version), [.. InfoFields, "text"]).ConfigureAwait(false);
            return fields[5].IsNull ? null : ToStored(version, fields, fields[5]!);
        }, cancellationToken);

    /// <summary>The newest <paramref name="count"/> versions, newest first, without their text.</summary>
    public Task<IReadOnlyList<StoredRuleSet>> ListAsync(int count, CancellationToken cancellationToken) =>
        RunAsync("list", async db =>
        {
            var versions = await db.SortedSetRangeByRankAsync(StoreKeys.RuleSetIndex(_namespace), 0, count - 1, Order.Descending).ConfigureAwait(false);
            var batch = db.CreateBatch();
            var reads = versions.Select(v => (Version: (long)v, Fields: batch.HashGetAsync(StoreKeys.RuleSetVersion(_namespace, (long)v), InfoFields))).ToList();
            batch.Execute();
            var list = new List<StoredRuleSet>(reads.Count);
            foreach (var (version, fields) in reads)
            {
                list.Add(ToStored(version, await fields.ConfigureAwait(false), string.Empty));
            }

            return (IReadOnlyList<StoredRuleSet>)list;
        }, cancellationToken);

    /// <summary>
    /// Stores <paramref name="text"/> as the next version if <paramref name="expectedVersion"/> is
    /// the latest (-1: whatever the latest is), or as <paramref name="explicitVersion"/> when that is
    /// above the latest (seeding from a rule file), and announces it.
    /// </summary>
    public Task<AppendResult> AppendAsync(string text, string name, string author, string reason, long expectedVersion, long explicitVersion, long rolledBackTo, CancellationToken cancellationToken) =>
        RunAsync("append", async db =>
        {
            var now = time.GetUtcNow();
            RedisValue[] values =
            [
                expectedVersion, explicitVersion, StoreKeys.RuleSetVersionPrefix(_namespace), text, author, reason,
                now.ToUnixTimeMilliseconds(), rolledBackTo, name,
            ];
            var reply = (RedisResult[])(await db.ScriptEvaluateAsync(LuaScripts.RulesAppend, [StoreKeys.RuleSetLatest(_namespace), StoreKeys.RuleSetIndex(_namespace)], values).ConfigureAwait(false))!;
            var result = new AppendResult((long)reply[0] == 1, (long)reply[1], DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
            if (result.Stored)
            {
                // Published after the write, not inside the script: a subscriber that reads on the
                // notice must find the version. A lost notice is caught by the periodic check.
                await redis.GetSubscriber().PublishAsync(StoreKeys.RuleSetChanged(_namespace), result.Version).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken);

    /// <summary>Calls <paramref name="onChanged"/> whenever any instance stores a version. The client re-subscribes by itself after a reconnect.</summary>
    public Task SubscribeAsync(Action onChanged) =>
        redis.GetSubscriber().SubscribeAsync(StoreKeys.RuleSetChanged(_namespace), (_, _) => onChanged());

    private static StoredRuleSet ToStored(long version, RedisValue[] fields, string text) => new(
        version,
        (string?)fields[0] ?? string.Empty,
        text,
        (string?)fields[1] ?? string.Empty,
        (string?)fields[2] ?? string.Empty,
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string?)fields[3] ?? "0", CultureInfo.InvariantCulture)),
        long.Parse((string?)fields[4] ?? "0", CultureInfo.InvariantCulture));

    private Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken) =>
        StoreFailure.RunAsync(redis, _timeout, metrics: null, operation, call, cancellationToken);
}
