using Gateway.Decisions;
using Gateway.Observability;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// Maps a number the gateway has texted back to the tenants and debtors it texted about, so an
/// inbound STOP can be applied without the number ever being stored: the key is the contact
/// hash (HMAC under <c>Gateway:ContactHashKey</c>), the members are <c>tenant:debtor</c>. Each
/// number has a key of its own (its own slot), written after each accepted SMS.
/// </summary>
internal sealed class InboundIndex(IConnectionMultiplexer redis, ContactHasher hasher, IOptions<StoreOptions> options, GatewayMetrics metrics)
{
    /// <summary>How long a number stays matched after the last SMS to it: replies can come weeks later.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    public Task RememberAsync(ContactPoint contact, string tenantId, string debtorId, CancellationToken cancellationToken)
    {
        var key = KeyOf(contact);
        return RunAsync("inbound_index", async db =>
        {
            var batch = db.CreateBatch();
            var add = batch.SetAddAsync(key, tenantId + ":" + debtorId);
            var expire = batch.KeyExpireAsync(key, Retention);
            batch.Execute();
            await Task.WhenAll(add, expire).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<(string TenantId, string DebtorId)>> LookupAsync(ContactPoint contact, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<(string, string)>>("inbound_index", async db =>
        {
            var members = await db.SetMembersAsync(KeyOf(contact)).ConfigureAwait(false);
            return members.Select(member => ((string)member!).Split(':', 2)).Where(parts => parts.Length == 2).Select(parts => (parts[0], parts[1])).ToList();
        }, cancellationToken);

    private RedisKey KeyOf(ContactPoint contact) => StoreKeys.Inbound(hasher.Hash(contact));

    private Task<T> RunAsync<T>(string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken) =>
        StoreFailure.RunAsync(redis, options.Value.OperationTimeout, metrics, operation, call, cancellationToken);
}
