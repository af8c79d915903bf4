using Gateway.RuleSets;
using Gateway.V1;

namespace Gateway.Tests.Rules;

/// <summary>
/// The members added for runtime rules: calendars, tenant overrides, effective-from instants,
/// limited-content variants, opt-out and lender identification, SMS segments. A valid file
/// compiles to what it says; each bad member is named at its path, with every other problem.
/// </summary>
public sealed class RuleSetFormatTests
{
    private const string Valid = """
        {
          "version": 1, "name": "format", "defaultJurisdiction": "CN",
          "effectiveFrom": "2026-12-01T00:00:00+08:00",
          "calendars": { "cn-holidays": { "dates": ["2026-10-01", "2026-10-02"] } },
          "jurisdictions": {
            "CN": {
              "contactHours": [ { "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "from": "08:00", "to": "22:00" } ],
              "fallbackTimeZones": ["Asia/Shanghai"],
              "caps": [ { "id": "debtor-day", "scope": "debtor", "period": "calendar_day", "limit": 3 } ],
              "consentRequiredChannels": [],
              "noContactCalendars": ["cn-holidays"],
              "requireLenderName": true,
              "requireOptOutText": { "sms": ["回复TD退订"] },
              "maxSmsSegments": 2
            }
          },
          "tenants": {
            "acme": {
              "jurisdiction": "CN",
              "contactHours": [ { "days": ["Mon", "Tue", "Wed", "Thu", "Fri"], "from": "09:00", "to": "20:00" } ],
              "caps": [ { "id": "acme-debtor-week", "scope": "debtor", "window": "P7D", "limit": 5 } ]
            }
          },
          "purposeChannels": { "overdue_notice": ["sms"] },
          "templates": [
            { "id": "overdue-sms", "purpose": "overdue_notice", "channel": "sms", "locale": "zh-CN",
              "body": "【{lender_name}】您尾号{debt_ref}的借款已逾期，应还{amount_due}。回复TD退订", "parameters": {},
              "limitedContentVariant": "overdue-sms-limited" },
            { "id": "overdue-sms-limited", "purpose": "overdue_notice", "channel": "sms", "locale": "zh-CN",
              "body": "【{lender_name}】请本人致电我们。回复TD退订", "parameters": {} }
          ],
          "bannedPhrases": [ { "phrase": "坐牢", "category": "threat" } ]
        }
        """;

    [Fact]
    public void Compile_EveryNewMember_CompilesToWhatItSays()
    {
        var rules = RuleSetLoader.Parse(Valid, "format.json");

        var cn = rules.Jurisdictions["CN"];
        Assert.Equal("cn-holidays", cn.NoContactDates[new DateOnly(2026, 10, 1)]);
        Assert.True(cn.RequireLenderName);
        Assert.Equal(2, cn.MaxSmsSegments);
        Assert.Equal(["回复td退订"], cn.OptOutPhrases[Channel.Sms].ToArray());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), rules.EffectiveFrom);
        Assert.True(rules.Templates.TryGet("overdue-sms", out var template));
        Assert.Equal("overdue-sms-limited", template.LimitedContentVariant);

        // The tenant narrows the hours and adds a cap on top of the jurisdiction's; others get CN as written.
        var acme = rules.JurisdictionFor("acme");
        Assert.Equal(new TimeOnly(9, 0), Assert.Single(acme.ContactHours).From);
        Assert.Equal(["debtor-day", "acme-debtor-week"], acme.Caps.Select(cap => cap.Id));
        Assert.Same(cn, rules.JurisdictionFor("someone-else"));
    }

    [Fact]
    public void Compile_BadNewMembers_NamesEachAtItsPath()
    {
        var broken = Valid
            .Replace("\"2026-10-02\"", "\"2026-13-02\"", StringComparison.Ordinal)
            .Replace("请本人致电我们。", "请本人致电我们，应还{amount_due}。", StringComparison.Ordinal)
            .Replace("【{lender_name}】您尾号", "您尾号", StringComparison.Ordinal)
            .Replace("。回复TD退订\", \"parameters\": {},\n      \"limitedContentVariant\"", "。\", \"parameters\": {},\n      \"limitedContentVariant\"", StringComparison.Ordinal)
            .Replace("\"2026-12-01T00:00:00+08:00\"", "\"2026-12-01T00:00:00\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(broken, "broken.json"));

        string[] expected =
        [
            "$.calendars.cn-holidays.dates[1]",
            "$.effectiveFrom",
            "$.templates[0].body",
            "$.templates[0].body",
            "$.templates[0].limitedContentVariant",
        ];
        Assert.Equal(expected, ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_BadJurisdictionMembers_AreNamed()
    {
        var broken = Valid
            .Replace("\"noContactCalendars\": [\"cn-holidays\"]", "\"noContactCalendars\": [\"cn-holidays\", \"golden-week\"]", StringComparison.Ordinal)
            .Replace("\"maxSmsSegments\": 2", "\"maxSmsSegments\": 0", StringComparison.Ordinal)
            .Replace("\"回复TD退订\"]", "\"\"]", StringComparison.Ordinal);

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(broken, "broken.json"));

        string[] expected = ["$.jurisdictions.CN.maxSmsSegments", "$.jurisdictions.CN.noContactCalendars[1]", "$.jurisdictions.CN.requireOptOutText.sms"];
        Assert.Equal(expected, ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_TenantWiderThanItsJurisdiction_OrReusingACapId_IsNamed()
    {
        var broken = Valid
            .Replace("\"from\": \"09:00\", \"to\": \"20:00\"", "\"from\": \"07:00\", \"to\": \"20:00\"", StringComparison.Ordinal)
            .Replace("\"id\": \"acme-debtor-week\"", "\"id\": \"debtor-day\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(broken, "broken.json"));

        Assert.Equal(["$.tenants.acme.caps[0].id", "$.tenants.acme.contactHours[0]"], ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParseVersioned_TakesTheStoresVersion_AndNeedsNoneInTheText()
    {
        var problems = new List<RuleProblem>();

        var rules = RuleSetLoader.TryParseVersioned(Valid.Replace("\"version\": 1, ", string.Empty, StringComparison.Ordinal), 42, problems);

        Assert.Empty(problems);
        Assert.Equal(42, rules!.Version);
    }

    [Fact]
    public void InForceAt_BeforeEffectiveFrom_IsThePreviousVersion()
    {
        var previous = RuleSetLoader.Parse(Valid.Replace("\"effectiveFrom\": \"2026-12-01T00:00:00+08:00\",", string.Empty, StringComparison.Ordinal), "v1");
        var next = RuleSetLoader.Parse(Valid, "v2") with { Version = 2, Previous = previous };

        Assert.Same(previous, next.InForceAt(new DateTimeOffset(2026, 11, 30, 15, 59, 59, TimeSpan.Zero)));
        Assert.Same(next, next.InForceAt(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero)));
    }
}
