using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>
/// A debtor's stated contact times and channels (ConsentService SetContactPreferences), end to end
/// over gRPC: honoured in the same store round trip as consent, on every instance at once, at a
/// held reminder's release, in the UK preset, and never written half or while the store is down.
/// </summary>
/// <remarks>
/// The tests on the daytime clock with the US preset share one gateway, each with a debtor of its
/// own; those that move the clock, kill the store or load another preset start their own.
/// </remarks>
[Collection(RedisTests.Name)]
public sealed class ContactPreferencesTests(RedisFixture redis, SharedEnvironment shared) : IClassFixture<SharedEnvironment>, IDisposable
{
    /// <summary>17:00 in Washington, D.C. on the tests' Monday (the daytime clock reads 15:00 there).</summary>
    private static readonly DateTimeOffset StatedStart = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);

    /// <summary>22:00 on Monday in Washington, D.C.: quiet hours, which open at 08:00 (13:00Z).</summary>
    private static readonly DateTimeOffset Night = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Opening = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Fact]
    public async Task SendReminder_OutsideStatedTimes_DeferredHeldAndSentWhenTheStatedWindowOpens()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7401);
        await SetAsync(env.Gateway, debtor, [], Window("17:00", "19:00", "Mon", "Tue"));
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(env.Clock.GetUtcNow().AddDays(1));

        var evaluated = await env.Gateway.EvaluateAsync(reminder);
        var deferred = await env.Gateway.SendAsync(reminder);
        await Task.Delay(300);
        Assert.Empty(env.Gateway.ReadOutbox());
        env.Clock.SetUtcNow(StatedStart);
        var released = await env.Gateway.AwaitReleaseAsync(debtor, deferred.ReminderId);

        Assert.Equal(Outcome.Deferred, deferred.Outcome);
        Assert.True(deferred.Held);
        Assert.Equal([ReasonCode.OutsideStatedHours], deferred.Reasons);
        Assert.Equal(StatedStart, deferred.NotBefore.ToDateTimeOffset());
        var verdict = deferred.Verdicts.Single(v => v.Rule == "stated_preferences");
        Assert.Equal(Verdict.Defer, verdict.Verdict);
        Assert.DoesNotContain(phone, verdict.Detail, StringComparison.Ordinal);
        Assert.Equal(Outcome.Deferred, evaluated.Outcome);
        Assert.Equal(deferred.Reasons, evaluated.Reasons);
        Assert.Equal(deferred.NotBefore, evaluated.NotBefore);
        Assert.Equal(Verdicts(deferred), Verdicts(evaluated));
        Assert.True(released.Outcome == Outcome.Sent, released.ToString());
        Assert.Equal(Verdict.Pass, released.Verdicts.Single(v => v.Rule == "stated_preferences").Verdict);
        Assert.Equal(StatedStart, Assert.Single(env.Gateway.ReadOutbox()).AcceptedAt);
    }

    [Fact]
    public async Task SendReminder_ChannelNotStated_SuppressedAndNothingSent_SentOnceCleared()
    {
        var env = shared.Env;
        var (debtor, debt, phone, _) = shared.NewDebtor();
        await SetAsync(env.Gateway, debtor, [Channel.Email, Channel.Voice]);

        var evaluated = await env.Gateway.EvaluateAsync(TestReminders.OverdueSms(debtor, debt, phone));
        var refused = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));
        Assert.Empty(env.Gateway.ReadOutbox(phone));
        var cleared = await env.Gateway.Consent.ClearContactPreferencesAsync(new ClearContactPreferencesRequest { DebtorId = debtor }, GatewayTestHost.Authorized());
        var clearedAgain = await env.Gateway.Consent.ClearContactPreferencesAsync(new ClearContactPreferencesRequest { DebtorId = debtor }, GatewayTestHost.Authorized());
        var read = await env.Gateway.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest { DebtorId = debtor }, GatewayTestHost.Authorized());
        var sent = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(Outcome.Suppressed, refused.Outcome);
        Assert.Equal([ReasonCode.ChannelNotPreferred], refused.Reasons);
        Assert.Equal("sms is not among the debtor's stated channels", refused.Verdicts.Single(v => v.Rule == "stated_preferences").Detail);
        Assert.Equal(Outcome.Suppressed, evaluated.Outcome);
        Assert.Equal(Verdicts(refused), Verdicts(evaluated));
        Assert.True(cleared.Cleared);
        Assert.False(clearedAgain.Cleared);
        Assert.Null(read.Preferences);
        Assert.Null(read.RecordedAt);
        Assert.Equal(Outcome.Sent, sent.Outcome);
        Assert.DoesNotContain(sent.Verdicts, v => v.Rule == "stated_preferences");
        Assert.Single(env.Gateway.ReadOutbox(phone));
    }

    [Fact]
    public async Task SetContactPreferences_RoundTrip_DaysInWeekOrderAndTheEndOfTheDayKept()
    {
        var env = shared.Env;

        var set = await SetAsync(env.Gateway, "D-7403", [Channel.Sms], Window("18:30", "24:00", "Sat", "Mon"), Window("00:00", "07:15", "Sun"));
        var read = await env.Gateway.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest { DebtorId = "D-7403" }, GatewayTestHost.Authorized());

        Assert.Equal(env.Clock.GetUtcNow(), set.RecordedAt.ToDateTimeOffset());
        Assert.Equal(set.Preferences, read.Preferences);
        Assert.Equal(set.RecordedAt, read.RecordedAt);
        Assert.Equal([Channel.Sms], read.Preferences.Channels);
        Assert.Equal(["Mon", "Sat"], read.Preferences.Windows[0].Days);
        Assert.Equal(("18:30", "24:00"), (read.Preferences.Windows[0].From, read.Preferences.Windows[0].To));
        Assert.Equal(("00:00", "07:15"), (read.Preferences.Windows[1].From, read.Preferences.Windows[1].To));
    }

    [Fact]
    public async Task SetContactPreferences_InvalidInput_NamesEveryFieldAndChangesNothing()
    {
        var env = shared.Env;
        var before = await SetAsync(env.Gateway, "D-7404", [Channel.Sms], Window("09:00", "17:00", "Mon"));
        var bad = new SetContactPreferencesRequest
        {
            DebtorId = "D 7404!",
            Preferences = new ContactPreferences
            {
                Channels = { Channel.Email, Channel.Unspecified, Channel.Email },
                Windows =
                {
                    Window("09:00", "17:00", "Mon", "Funday"),
                    Window("9am", "08:00", "Tue"),
                    Window("18:00", "17:00"),
                    Window("24:00", "25:00", "Wed", "wed"),
                },
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await env.Gateway.Consent.SetContactPreferencesAsync(bad, GatewayTestHost.Authorized()));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await env.Gateway.Consent.SetContactPreferencesAsync(new SetContactPreferencesRequest { DebtorId = "D-7404" }, GatewayTestHost.Authorized()));
        var readBadDebtor = await Assert.ThrowsAsync<RpcException>(async () => await env.Gateway.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest(), GatewayTestHost.Authorized()));
        var after = await env.Gateway.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest { DebtorId = "D-7404" }, GatewayTestHost.Authorized());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            [
                "debtor_id", "preferences.channels[1]", "preferences.channels[2]", "preferences.windows[0].days[1]", "preferences.windows[1].from",
                "preferences.windows[2].days", "preferences.windows[2].to", "preferences.windows[3].days[1]", "preferences.windows[3].from", "preferences.windows[3].to",
            ],
            Fields(error));
        Assert.Equal(["preferences"], Fields(missing));
        Assert.Equal(["debtor_id"], Fields(readBadDebtor));
        Assert.Equal(before.Preferences, after.Preferences);
        Assert.Equal(before.RecordedAt, after.RecordedAt);
    }

    [Fact]
    public async Task HeldReminders_PreferencesChangedWhileHeld_TheReleaseObeysTheNewPreferences()
    {
        var clock = new FakeTimeProvider(Night);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock);
        var (debtor, debt, phone, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7405);
        var mail = TestReminders.OverdueEmail(debtor, debt, email).Deferrable(Night.AddDays(1));
        mail.RecipientTimeZone = "America/New_York";
        var heldSms = await env.Gateway.SendAsync(TestReminders.OverdueSms(debtor, debt, phone).Deferrable(Night.AddDays(1)));
        var heldMail = await env.Gateway.SendAsync(mail);

        // While they are held, the debtor says: email only, 10:00 to 12:00 on Tuesdays (15:00Z to 17:00Z).
        await SetAsync(env.Gateway, debtor, [Channel.Email], Window("10:00", "12:00", "Tue"));
        clock.SetUtcNow(Opening);
        var smsAtOpening = await env.Gateway.AwaitReleaseAsync(debtor, heldSms.ReminderId);
        var mailAtOpening = await AwaitDecisionAsync(env.Gateway, debtor, heldMail.ReminderId, d => d.Reasons.Contains(ReasonCode.OutsideStatedHours));
        await Task.Delay(300);
        Assert.Empty(env.Gateway.ReadOutbox());
        var statedStart = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
        clock.SetUtcNow(statedStart);
        var mailReleased = await env.Gateway.AwaitReleaseAsync(debtor, heldMail.ReminderId);

        Assert.Equal([ReasonCode.QuietHours], heldSms.Reasons);
        Assert.Equal([ReasonCode.QuietHours], heldMail.Reasons);
        Assert.Equal(Outcome.Suppressed, smsAtOpening.Outcome);
        Assert.Equal([ReasonCode.ChannelNotPreferred], smsAtOpening.Reasons);
        Assert.Equal(Outcome.Deferred, mailAtOpening.Outcome);
        Assert.True(mailAtOpening.Held);
        Assert.Equal(statedStart, mailAtOpening.NotBefore.ToDateTimeOffset());
        Assert.True(mailReleased.Outcome == Outcome.Sent, mailReleased.ToString());
        var line = Assert.Single(env.Gateway.ReadOutbox());
        Assert.Equal(heldMail.ReminderId, line.ReminderId);
        Assert.Equal(statedStart, line.AcceptedAt);
    }

    [Fact]
    public async Task SecondInstance_SameStore_SeesPreferencesAtOnce()
    {
        var env = shared.Env;
        await using var second = await GatewayTestHost.StartAsync(redis.Server.ConnectionString, env.Lender.Address, env.Clock, tenantId: env.Gateway.TenantId);
        var (debtor, debt, phone, _) = shared.NewDebtor();

        var set = await SetAsync(env.Gateway, debtor, [Channel.Email]);
        var read = await second.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest { DebtorId = debtor }, GatewayTestHost.Authorized());
        var decision = await second.SendAsync(TestReminders.OverdueSms(debtor, debt, phone));

        Assert.Equal(set.Preferences, read.Preferences);
        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.ChannelNotPreferred], decision.Reasons);
        Assert.Empty(second.ReadOutbox(phone));
    }

    [Fact]
    public async Task SetContactPreferences_StoreDown_UnavailableNothingSentNothingWritten()
    {
        await using var store = await RedisServer.StartAsync();
        await using var env = await TestEnvironment.StartAsync(store.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:Store:OperationTimeout"] = "00:00:00.300" });
        env.Gateway.ExpectedError = error => error.Contains("[1003]", StringComparison.Ordinal) || error.Contains("[1005]", StringComparison.Ordinal);
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7407);

        await store.KillAsync();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await SetAsync(env.Gateway, debtor, [Channel.Sms], Window("09:00", "17:00", "Mon")));
        var send = await env.Gateway.SendRefusedAsync(TestReminders.OverdueSms(debtor, debt, phone));
        await store.RestartAsync();
        var read = await ReadWhenTheStoreAnswersAsync(env.Gateway, debtor);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("STORE_UNAVAILABLE", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.NotNull(error.GetRpcStatus()!.GetDetail<RetryInfo>());
        Assert.Equal(StatusCode.Unavailable, send.StatusCode);
        Assert.Empty(env.Gateway.ReadOutbox());
        Assert.Null(read.Preferences);
    }

    [Fact]
    public async Task UkPreset_StatedTimes_DeferredToTheNextStatedWindowInLondon()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:RuleSetPath"] = "rules/uk-fca-conc7.json" });
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7408);
        await env.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = phone } }, GatewayTestHost.Authorized());
        await SetAsync(env.Gateway, debtor, [Channel.Sms], Window("09:00", "17:00", "Mon", "Tue", "Wed", "Thu", "Fri"));
        var reminder = TestReminders.OverdueSms(debtor, debt, phone).Deferrable(env.Clock.GetUtcNow().AddDays(2));
        reminder.TemplateId = "overdue-sms-gb";
        reminder.Locale = "en-GB";
        reminder.RecipientTimeZone = "Europe/London";

        // Monday 20:00 in London: the UK preset has no fixed hours, but the debtor said 09:00 to 17:00 on weekdays.
        var decision = await env.Gateway.SendAsync(reminder);

        Assert.Equal(Outcome.Deferred, decision.Outcome);
        Assert.Equal([ReasonCode.OutsideStatedHours], decision.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), decision.NotBefore.ToDateTimeOffset());
        Assert.Equal(Verdict.Pass, decision.Verdicts.Single(v => v.Rule == "quiet_hours").Verdict);
        Assert.Empty(env.Gateway.ReadOutbox());
    }

    private static StatedWindow Window(string from, string to, params string[] days) => new() { From = from, To = to, Days = { days } };

    private static async Task<SetContactPreferencesResponse> SetAsync(GatewayTestHost host, string debtorId, IEnumerable<Channel> channels, params StatedWindow[] windows) =>
        await host.Consent.SetContactPreferencesAsync(
            new SetContactPreferencesRequest { DebtorId = debtorId, Preferences = new ContactPreferences { Channels = { channels }, Windows = { windows } } },
            GatewayTestHost.Authorized());

    private static List<string> Fields(RpcException error) => [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];

    private static List<string> Verdicts(Decision decision) => [.. decision.Verdicts.Select(v => $"{v.Rule} {v.Verdict} {v.Reason}")];

    /// <summary>Polls the decision record (bounded) until <paramref name="done"/> holds, for a release that holds the reminder again.</summary>
    private static async Task<Decision> AwaitDecisionAsync(GatewayTestHost host, string debtorId, string reminderId, Func<Decision, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var decision = (await host.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = debtorId, ReminderId = reminderId }, GatewayTestHost.Authorized())).Decision;
            if (done(decision) || waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                return decision;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reads the preferences once the restarted store answers again (bounded).</summary>
    private static async Task<GetContactPreferencesResponse> ReadWhenTheStoreAnswersAsync(GatewayTestHost host, string debtorId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await host.Consent.GetContactPreferencesAsync(new GetContactPreferencesRequest { DebtorId = debtorId }, GatewayTestHost.Authorized());
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
            }
        }
    }
}
