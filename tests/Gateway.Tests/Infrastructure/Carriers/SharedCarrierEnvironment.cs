namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// One <see cref="CarrierTestEnvironment"/> (gateway, lender, fake Twilio) shared by the tests of
/// one class, as <see cref="SharedEnvironment"/> shares a plain one. Each test calls for a debtor of
/// its own and reads only the carrier requests to its number (<see cref="FakeCarrierServer.RequestsTo"/>).
/// Tests that inject carrier faults start their own: a shared gateway's carrier breaker would carry
/// their failures into the tests after them.
/// </summary>
public sealed class SharedCarrierEnvironment(RedisFixture redis) : IAsyncLifetime
{
    private int _debtors;

    public CarrierTestEnvironment Carriers { get; private set; } = null!;

    public GatewayTestHost Gateway => Carriers.Gateway;

    public async Task InitializeAsync() => Carriers = await CarrierTestEnvironment.StartAsync(redis.Server.ConnectionString);

    public async Task DisposeAsync() => await Carriers.DisposeAsync();

    /// <summary>An overdue debtor with a number no other test of the class uses.</summary>
    public (string DebtorId, string DebtId, string Phone) NewDebtor() => Carriers.NewDebtor(8000 + Interlocked.Increment(ref _debtors));
}
