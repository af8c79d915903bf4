using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// A <see cref="TestEnvironment"/> whose SMS and voice go to a fake Twilio on loopback, with a fake
/// Vonage-style API as the SMS failover when asked for. Resilience is tightened so that faults
/// play out in a second or two: 1 s per attempt, 50 ms base backoff, two retries; the lender's
/// recheck is given 5 s, so that only carriers fail here.
/// </summary>
public sealed class CarrierTestEnvironment : IAsyncDisposable
{
    private CarrierTestEnvironment(TestEnvironment env, FakeCarrierServer twilio, FakeCarrierServer? vonage)
    {
        Env = env;
        Twilio = twilio;
        Vonage = vonage;
    }

    public TestEnvironment Env { get; }

    public GatewayTestHost Gateway => Env.Gateway;

    public FakeTimeProvider Clock => Env.Clock;

    public FakeCarrierServer Twilio { get; }

    public FakeCarrierServer? Vonage { get; }

    public static async Task<CarrierTestEnvironment> StartAsync(string storeConnectionString, bool withVonage = false, IDictionary<string, string?>? settings = null)
    {
        var twilio = await FakeTwilio.StartAsync();
        var vonage = withVonage ? await FakeVonage.StartAsync() : null;
        var all = FakeTwilio.Settings(twilio, withVonage ? ["vonage"] : []);
        if (vonage is not null)
        {
            foreach (var (key, value) in FakeVonage.Settings(vonage))
            {
                all[key] = value;
            }
        }

        // These tests are about carriers: a lender slow to answer on a busy test machine must not
        // turn a reminder into RECHECK_UNAVAILABLE before it reaches the relay.
        all["Gateway:Recheck:Timeout"] = "00:00:05";
        all["Gateway:Carriers:Resilience:AttemptTimeout"] = "00:00:01";
        all["Gateway:Carriers:Resilience:ConnectTimeout"] = "00:00:00.5";
        all["Gateway:Carriers:Resilience:RelayTimeout"] = "00:00:05";
        all["Gateway:Carriers:Resilience:BaseDelay"] = "00:00:00.05";
        all["Gateway:Carriers:Resilience:MaxRetries"] = "2";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var env = await TestEnvironment.StartAsync(storeConnectionString, settings: all);
        return new CarrierTestEnvironment(env, twilio, vonage);
    }

    /// <summary>A fresh overdue debtor (its own number, so no caps are shared) and an SMS reminder to it.</summary>
    public (string DebtorId, string DebtId, string Phone) NewDebtor(int number)
    {
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(Env.Lender.Ledger, number);
        return (debtor, debt, phone);
    }

    public static Reminder Voice(string debtorId, string debtId, string phone)
    {
        var reminder = TestReminders.OverdueSms(debtorId, debtId, phone);
        reminder.Channel = Channel.Voice;
        reminder.TemplateId = "overdue-voice";
        return reminder;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Env.DisposeAsync();
        }
        finally
        {
            await Twilio.DisposeAsync();
            if (Vonage is not null)
            {
                await Vonage.DisposeAsync();
            }
        }
    }
}
