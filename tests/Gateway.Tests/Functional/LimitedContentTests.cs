using Gateway.Sandbox.Lender;
using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional;

/// <summary>
/// A contact point whose owner the lender cannot confirm: under the UK preset, which names a
/// limited-content variant, the message goes out saying nothing about the debt; a known third party
/// still gets nothing.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class LimitedContentTests(RedisFixture redis)
{
    private const string UnknownNumber = "+447400123456";
    private const string ThirdPartyNumber = "+447400123457";

    [Fact]
    public async Task OwnerUnknown_UkPreset_SentAsLimitedContent_ThirdPartyStillSuppressed()
    {
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?> { ["Gateway:RuleSetPath"] = "rules/uk-fca-conc7.json" });
        var (debtor, debt, _, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7601);
        env.Lender.Ledger.Upsert(new SeedContact { DebtorId = debtor, Channel = "sms", Value = ThirdPartyNumber, Ownership = "not_debtor", Source = "third_party" });

        // The UK preset needs recorded consent for texts (PECR): the lender recorded it for both numbers.
        foreach (var number in new[] { UnknownNumber, ThirdPartyNumber })
        {
            await env.Gateway.Consent.RecordConsentAsync(new RecordConsentRequest { Subject = new ConsentSubject { DebtorId = debtor, Channel = Channel.Sms, ContactPoint = number } }, GatewayTestHost.Authorized());
        }

        var unknown = await env.Gateway.SendAsync(UkSms(debtor, debt, UnknownNumber));
        var thirdParty = await env.Gateway.SendAsync(UkSms(debtor, debt, ThirdPartyNumber));

        Assert.True(unknown.Outcome == Outcome.Sent, unknown.ToString());
        Assert.Contains("limited-content template overdue-sms-gb-limited", unknown.Verdicts.Single(v => v.Rule == "recheck.contact").Detail, StringComparison.Ordinal);
        var line = Assert.Single(env.Gateway.ReadOutbox());
        Assert.Equal("overdue-sms-gb-limited", line.TemplateId);
        Assert.DoesNotContain("99.99", line.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(debt[^4..], line.Body, StringComparison.Ordinal);
        Assert.Equal(Outcome.Suppressed, thirdParty.Outcome);
        Assert.Equal([ReasonCode.ContactNotDebtor], thirdParty.Reasons);
    }

    private static Reminder UkSms(string debtor, string debt, string phone)
    {
        var reminder = TestReminders.OverdueSms(debtor, debt, phone);
        reminder.TemplateId = "overdue-sms-gb";
        reminder.Locale = "en-GB";
        return reminder;
    }
}
