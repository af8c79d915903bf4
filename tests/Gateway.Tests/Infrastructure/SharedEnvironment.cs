namespace Gateway.Tests.Infrastructure;

/// <summary>
/// One <see cref="TestEnvironment"/> (gateway, sandbox lender, fake clock at daytime) shared by the
/// tests of one class, as grpc-dotnet's GrpcTestFixture and eShop's OrderingApiFixture share a
/// server: starting a gateway costs far more than a test's calls. xunit runs a class's tests one at a
/// time; each stays independent by calling for a debtor of its own (<see cref="NewDebtor"/>), so
/// caps, history and outbox lines never meet, and by leaving the lender's faults and the clock as it
/// found them. A test that stops or stalls the lender, moves the clock or needs other settings starts
/// an environment of its own. A class whose tests all need the same other settings derives a
/// fixture of its own that names them (<see cref="Settings"/>).
/// </summary>
public class SharedEnvironment(RedisFixture redis) : IAsyncLifetime
{
    private int _debtors;

    /// <summary>Settings of the shared gateway beyond the test defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public TestEnvironment Env { get; private set; } = null!;

    public GatewayTestHost Gateway => Env.Gateway;

    public async Task InitializeAsync() => Env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: Settings);

    public async Task DisposeAsync() => await Env.DisposeAsync();

    /// <summary>An overdue debtor with a number and an email no other test of the class uses.</summary>
    /// <param name="areaCode">The number's area code, which places it in a time zone (808: Hawaii).</param>
    public (string DebtorId, string DebtId, string Phone, string Email) NewDebtor(string areaCode = "202") =>
        TestSeed.AddDueDebtor(Env.Lender.Ledger, 8000 + Interlocked.Increment(ref _debtors), areaCode);
}
