using Gateway.Tests.Infrastructure;
using System.Diagnostics;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Functional;

/// <summary>
/// The shipped China preset, loaded by a gateway through Gateway:RuleSetPath and exercised end to
/// end over gRPC: a threat written in Chinese, or in full-width letters, never leaves; a clean
/// reminder goes out naming the lender. The tests share one gateway on the preset, each with a
/// debtor of its own; the holiday test (its own clock, and a rule update) starts its own.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ChinaPresetTests(RedisFixture redis, ChinaPresetEnvironment shared) : IClassFixture<ChinaPresetEnvironment>, IDisposable
{
    public void Dispose() => shared.Gateway.VerifyNoUnexpectedErrors();

    [Theory]
    [InlineData("张三再不还钱就坐牢", "threat")]
    [InlineData("张三你的家人都会知道", "third_party_disclosure")]
    [InlineData("ＡＲＲＥＳＴ", "threat")]
    [InlineData("张三ＰＯＬＩＣＥ", "impersonation")]
    [InlineData("张三已列入黑名单", "misleading")]
    public async Task SendReminder_ThreatInChineseOrFullWidth_IsSuppressedAndNothingSent(string name, string category)
    {
        var debtor = shared.NewDebtor();

        var decision = await shared.Gateway.SendAsync(OverdueSmsZh(name, debtor));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.ContentRejected], decision.Reasons);
        Assert.Contains(category, decision.Verdicts.Single(v => v.Rule == "content").Detail, StringComparison.Ordinal);
        Assert.Empty(shared.Gateway.ReadOutbox(debtor.Phone));
    }

    [Fact]
    public async Task SendReminder_CleanChineseReminder_IsSentNamingTheLender()
    {
        var debtor = shared.NewDebtor();

        var decision = await shared.Gateway.SendAsync(OverdueSmsZh("张三", debtor));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        var line = Assert.Single(shared.Gateway.ReadOutbox(debtor.Phone));
        Assert.StartsWith($"【{TestTenant.LenderName}】张三您好", line.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolidayCalendar_AppliedByATenantOverride_DefersNationalDayToTheFirstMorningAfterIt()
    {
        // 10:00 in Shanghai on 2026-10-01, the first day of the National Day holiday (to 10-07).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString, clock, new Dictionary<string, string?>(ChinaPresetEnvironment.Preset));
        var reminder = OverdueSmsZh("张三");
        reminder.RecipientTimeZone = "Asia/Shanghai";
        var withoutOverride = await environment.Gateway.EvaluateAsync(reminder);

        var preset = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "rules", "cn-gbt45251.json"));
        var withOverride = preset.Replace(
            "\"tenants\": {},",
            $"\"tenants\": {{ \"{environment.Gateway.TenantId}\": {{ \"jurisdiction\": \"CN\", \"noContactCalendars\": [\"cn-public-holidays-2026\"] }} }},",
            StringComparison.Ordinal);
        Assert.NotEqual(preset, withOverride);
        await environment.Gateway.Admin.UpdateRuleSetAsync(
            new UpdateRuleSetRequest { RuleSetJson = withOverride, ExpectedVersion = 1, Author = "compliance@acme-cn", Reason = "firm policy: no collection on public holidays" },
            GatewayTestHost.AsAdmin());
        var watch = Stopwatch.StartNew();
        Decision evaluated;
        do
        {
            evaluated = await environment.Gateway.EvaluateAsync(reminder);
        }
        while (evaluated.RuleSetVersion != 2 && watch.Elapsed < TimeSpan.FromSeconds(5));
        var deferred = await environment.Gateway.SendAsync(reminder.Deferrable(clock.GetUtcNow().AddDays(10)));

        Assert.Equal(Outcome.Sent, withoutOverride.Outcome);
        Assert.Equal(2, evaluated.RuleSetVersion);
        Assert.Equal(Outcome.Deferred, deferred.Outcome);
        Assert.Equal([ReasonCode.NoContactDay], deferred.Reasons);
        Assert.Contains("cn-public-holidays-2026", deferred.Verdicts.Single(v => v.Verdict == Verdict.Defer).Detail, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 8, 0, 0, TimeSpan.FromHours(8)), deferred.NotBefore.ToDateTimeOffset());
        Assert.Empty(environment.Gateway.ReadOutbox());
    }

    private static Reminder OverdueSmsZh(string name, (string DebtorId, string DebtId, string Phone, string Email)? debtor = null)
    {
        var reminder = debtor is var (debtorId, debtId, phone, _) ? TestReminders.OverdueSms(debtorId, debtId, phone) : TestReminders.OverdueSms();
        reminder.TemplateId = "overdue-sms-zh";
        reminder.Locale = "zh-CN";
        reminder.TemplateParameters.Clear();
        reminder.TemplateParameters["name"] = name;
        return reminder;
    }
}
