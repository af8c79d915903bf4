using Gateway.RuleSets;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Rules;

/// <summary>Reading rule files: the shipped presets, the lenient JSON syntax compliance staff may write, and the strict member names.</summary>
public sealed class RuleSetLoaderTests
{
    public static TheoryData<string> Presets => [.. RulePresets.FileNames];

    [Theory]
    [MemberData(nameof(Presets))]
    public void LoadFile_ShippedPreset_Compiles(string fileName)
    {
        var rules = RuleSetLoader.LoadFile(RulePresets.PathOf(fileName));

        Assert.True(rules.Version > 0);
        Assert.Contains(rules.DefaultJurisdiction, rules.Jurisdictions.Keys);
        Assert.NotEqual(0, rules.Templates.Count);
        Assert.NotEmpty(rules.Lexicon.Phrases);
    }

    [Fact]
    public void LoadFile_UsPreset_HasRegulationFHoursEveryDay()
    {
        var us = RulePresets.Us.Jurisdictions["US"];

        var window = Assert.Single(us.ContactHours);
        Assert.Equal(7, window.Days.Distinct().Count());
        Assert.Equal(new TimeOnly(8, 0), window.From);
        Assert.Equal(new TimeOnly(21, 0), window.To);
        Assert.Contains(us.Caps, cap => cap.Id == "debt-voice-7d" && cap.Window == TimeSpan.FromDays(7) && cap.Limit == 7);
    }

    [Fact]
    public void LoadFile_Missing_NamesTheFile()
    {
        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.LoadFile(RulePresets.PathOf("no-such-preset.json")));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("no-such-preset.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var json = """
            // A rule file may explain itself.
            {
              "version": 3, /* block comments too */
              "name": "commented",
              "defaultJurisdiction": "XX",
              "jurisdictions": {
                "XX": {
                  "contactHours": [ { "days": ["Mon", "Sun",], "from": "08:00", "to": "24:00", }, ],
                  "fallbackTimeZones": ["Europe/London",],
                  "caps": [],
                },
              },
              "purposeChannels": { "overdue_notice": ["sms",], },
              "templates": [
                { "id": "t1", "purpose": "overdue_notice", "channel": "sms", "locale": "en", "body": "Hi {first_name}, {amount_due} is due.", "parameters": { "first_name": { "pattern": "[A-Za-z]{1,20}", }, }, },
              ],
              "bannedPhrases": [ { "phrase": "ＪＡＩＬ", "category": "threat", }, ],
            }
            """;

        var rules = RuleSetLoader.Parse(json, "commented.json");

        Assert.Equal(3, rules.Version);
        var window = Assert.Single(rules.Jurisdictions["XX"].ContactHours);
        Assert.Equal(TimeOnly.MaxValue, window.To);
        Assert.True(rules.AllowsChannel(V1.Purpose.OverdueNotice, V1.Channel.Sms));
        Assert.Equal("jail", Assert.Single(rules.Lexicon.Phrases).Phrase);
    }

    [Fact]
    public void Parse_NullWhereAnObjectBelongs_EachNamedNotACrash()
    {
        const string json = """
            {
              "version": 1, "name": "nulls", "defaultJurisdiction": "US",
              "jurisdictions": { "US": { "contactHours": [null], "fallbackTimeZones": ["America/New_York"], "caps": [null] }, "XX": null },
              "tenants": { "acme": null },
              "purposeChannels": { "overdue_notice": null },
              "templates": [null],
              "bannedPhrases": [null]
            }
            """;

        var error = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(json, "nulls.json"));

        Assert.Equal(
            ["$.jurisdictions.US.contactHours[0]", "$.jurisdictions.US.caps[0]", "$.jurisdictions.XX", "$.tenants.acme", "$.purposeChannels.overdue_notice", "$.templates[0]", "$.bannedPhrases[0]"],
            error.Problems.Select(problem => problem.Path));
        Assert.All(error.Problems, problem => Assert.Equal("must not be null", problem.Message));
    }
}
