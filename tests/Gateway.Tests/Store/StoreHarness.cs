using System.Collections.Frozen;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Gateway.Tests.Store;

/// <summary>
/// A <see cref="GuardrailStore"/> on a real server, and the means to build decision contexts for
/// it: every test gets a tenant of its own, so suites sharing a server never share state.
/// </summary>
internal sealed class StoreHarness : IAsyncDisposable
{
    private static readonly RuleSet Rules = TestDecisionContexts.UsPreset;

    private readonly ConnectionMultiplexer _connection;

    private StoreHarness(ConnectionMultiplexer connection, FakeTimeProvider clock)
    {
        _connection = connection;
        Clock = clock;
        Tenant = TestDecisionContexts.Tenant();
        Store = new GuardrailStore(
            connection,
            Options.Create(new StoreOptions { ConnectionString = "unused", OperationTimeout = TimeSpan.FromSeconds(5) }),
            new ContactHasher(Options.Create(new ContactHashOptions { ContactHashKey = "test-contact-hash-key-0123456789abcdef" })),
            new GatewayMetrics(),
            clock);
    }

    public GuardrailStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public Tenant Tenant { get; }

    public IConnectionMultiplexer Connection => _connection;

    public static async Task<StoreHarness> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true"), GatewayTestHost.DaytimeClock());

    /// <summary>
    /// A decision context for an email reminder to <paramref name="debtorId"/>, made now on the
    /// harness clock (or at <paramref name="at"/>), under the US preset or <paramref name="rules"/>.
    /// </summary>
    public DecisionContext Context(string debtorId = "D-1", string? idempotencyKey = null, DecisionMode mode = DecisionMode.Send, string? email = null, Reminder? reminder = null, RuleSet? rules = null, DateTimeOffset? at = null) =>
        TestDecisionContexts.For(reminder ?? TestReminders.OverdueEmail(debtorId, "L-1", email ?? "debtor@example.com", idempotencyKey), Clock, Tenant, rules ?? Rules, mode, at);

    /// <summary>
    /// The US preset with this harness's tenant placed in <paramref name="zoneIds"/> whenever neither
    /// the request nor a phone number says where the recipient is: an email reminder without a zone
    /// is then decided for exactly those zones.
    /// </summary>
    public RuleSet RulesPlacingRecipientIn(IEnumerable<string> zoneIds) => Rules with
    {
        TenantRules = new Dictionary<string, JurisdictionRules>
        {
            [Tenant.Id] = Rules.Jurisdictions["US"] with { FallbackTimeZones = [.. zoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById)] },
        }.ToFrozenDictionary(),
    };

    /// <summary>Reserves and, when reserved, commits as a sent reminder would: the reservation then counts for its whole window.</summary>
    public async Task<Reservation> SendAsync(CapRule cap, DecisionContext? context = null)
    {
        context ??= Context();
        var reservation = await Store.CheckAndReserveAsync(context, [cap], default);
        if (reservation.Status == ReservationStatus.Reserved)
        {
            await Store.FinishAsync(context, DecisionFactory.Create(context, Outcome.Sent), [], IdempotencyMode.Bind, default);
        }

        return reservation;
    }

    public static CapRule Cap(int limit, TimeSpan window, CapScope scope = CapScope.Debtor, string id = "test-cap") => new(id, scope, [], window, limit);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
