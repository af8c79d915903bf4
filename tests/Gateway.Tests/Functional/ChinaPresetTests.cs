using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>
/// The shipped China preset, loaded by a gateway through Gateway:RuleSetPath and exercised end to
/// end over gRPC: a threat written in Chinese, or in full-width letters, never leaves; a clean
/// reminder goes out naming the lender.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ChinaPresetTests(RedisFixture redis)
{
    private static readonly Dictionary<string, string?> ChinaPreset = new() { ["Gateway:RuleSetPath"] = "rules/cn-gbt45251.json" };

    [Theory]
    [InlineData("张三再不还钱就坐牢", "threat")]
    [InlineData("张三你的家人都会知道", "third_party_disclosure")]
    [InlineData("ＡＲＲＥＳＴ", "threat")]
    [InlineData("张三ＰＯＬＩＣＥ", "impersonation")]
    public async Task SendReminder_ThreatInChineseOrFullWidth_IsSuppressedAndNothingSent(string name, string category)
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: ChinaPreset);

        var decision = await environment.Gateway.SendAsync(OverdueSmsZh(name));

        Assert.Equal(Outcome.Suppressed, decision.Outcome);
        Assert.Equal([ReasonCode.ContentRejected], decision.Reasons);
        Assert.Contains(category, decision.Verdicts.Single(v => v.Rule == "content").Detail, StringComparison.Ordinal);
        Assert.Empty(environment.Gateway.ReadOutbox());
    }

    [Fact]
    public async Task SendReminder_CleanChineseReminder_IsSentNamingTheLender()
    {
        await using var environment = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: ChinaPreset);

        var decision = await environment.Gateway.SendAsync(OverdueSmsZh("张三"));

        Assert.Equal(Outcome.Sent, decision.Outcome);
        var line = Assert.Single(environment.Gateway.ReadOutbox());
        Assert.StartsWith($"【{TestTenant.LenderName}】张三您好", line.Body, StringComparison.Ordinal);
    }

    private static Reminder OverdueSmsZh(string name)
    {
        var reminder = TestReminders.OverdueSms();
        reminder.TemplateId = "overdue-sms-zh";
        reminder.Locale = "zh-CN";
        reminder.TemplateParameters.Clear();
        reminder.TemplateParameters["name"] = name;
        return reminder;
    }
}
