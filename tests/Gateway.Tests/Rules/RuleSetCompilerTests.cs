using Gateway.RuleSets;


namespace Gateway.Tests.Rules;

/// <summary>A bad rule file is refused with every problem named at its JSON path, so compliance staff fix it in one pass.</summary>
public sealed class RuleSetCompilerTests
{
    private const string ManyProblems = """
        {
          "version": 2,
          "name": "broken",
          "defaultJurisdiction": "ZZ",
          "jurisdictions": {
            "US": {
              "contactHours": [
                { "days": ["Mon", "Funday"], "from": "08:00", "to": "21:00" },
                { "days": ["Sat"], "from": "21:00", "to": "08:00" }
              ],
              "fallbackTimeZones": ["America/New_York"],
              "quietHours": "22:00-08:00",
              "caps": [
                { "id": "zero", "scope": "debt", "window": "PT0S", "limit": 1 },
                { "id": "fruit", "scope": "debtor", "window": "banana", "limit": 1 },
                { "id": "fax", "scope": "contact", "channels": ["fax"], "window": "PT24H", "limit": 1 },
                { "id": "daily", "scope": "debtor", "window": "PT24H", "limit": 3 },
                { "id": "daily", "scope": "debt", "window": "P7D", "limit": 7 }
              ],
              "consentRequiredChannels": []
            }
          },
          "purposeChannels": { "overdue_notice": ["sms"] },
          "templates": [
            { "id": "overdue-sms", "purpose": "overdue_notice", "channel": "sms", "locale": "en", "body": "Hi {first_name}, call {agent_name}.", "parameters": { "first_name": { "pattern": "[A-Za-z]{1,20}" } } }
          ],
          "bannedPhrases": [ { "phrase": "jail", "category": "threat" } ]
        }
        """;

    [Fact]
    public void Compile_FileWithManyProblems_NamesEveryProblemAtItsPath()
    {
        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(ManyProblems, "broken.json"));

        string[] expected =
        [
            "$.defaultJurisdiction",
            "$.jurisdictions.US.caps[0].window",
            "$.jurisdictions.US.caps[1].window",
            "$.jurisdictions.US.caps[2].channels[0]",
            "$.jurisdictions.US.caps[4].id",
            "$.jurisdictions.US.contactHours[0].days[1]",
            "$.jurisdictions.US.contactHours[1].to",
            "$.jurisdictions.US.quietHours",
            "$.templates[0].body",
        ];
        Assert.Equal(expected, ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_FileWithManyProblems_ExplainsEachProblem()
    {
        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(ManyProblems, "broken.json"));

        var byPath = ex.Problems.ToDictionary(problem => problem.Path, problem => problem.Message);
        Assert.Contains("longer than zero", byPath["$.jurisdictions.US.caps[0].window"], StringComparison.Ordinal);
        Assert.Contains("'banana'", byPath["$.jurisdictions.US.caps[1].window"], StringComparison.Ordinal);
        Assert.Contains("'fax'", byPath["$.jurisdictions.US.caps[2].channels[0]"], StringComparison.Ordinal);
        Assert.Contains("'daily' is used twice", byPath["$.jurisdictions.US.caps[4].id"], StringComparison.Ordinal);
        Assert.Contains("'Funday'", byPath["$.jurisdictions.US.contactHours[0].days[1]"], StringComparison.Ordinal);
        Assert.Contains("later than from", byPath["$.jurisdictions.US.contactHours[1].to"], StringComparison.Ordinal);
        Assert.Contains("{agent_name}", byPath["$.templates[0].body"], StringComparison.Ordinal);
        Assert.Contains("'ZZ'", byPath["$.defaultJurisdiction"], StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CallerParameterNamedLikeSystemPlaceholder_IsRefused()
    {
        var json = MinimalWith(body: "You owe {amount_due}.", templateParameters: """{ "amount_due": { "pattern": "[0-9]+" } }""");

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(json, "spoof.json"));

        Assert.Equal(["$.templates[0].parameters.amount_due"], ex.Problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Compile_ParameterWithoutPatternOrWithBadPattern_IsRefused()
    {
        var json = MinimalWith(templateParameters: """{ "first_name": {}, "town": { "pattern": "[a-z" } }""");

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(json, "patterns.json"));

        Assert.Equal(
            ["$.templates[0].parameters.first_name.pattern", "$.templates[0].parameters.town.pattern"],
            ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_UnknownMembersAtEveryLevel_AreEachNamed()
    {
        var json = MinimalWith(templateParameters: """{ "first_name": { "pattern": "[A-Za-z]{1,20}", "optional": true } }""")
            .Replace("\"bannedPhrases\": []", "\"bannedPhrases\": [ { \"phrase\": \"jail\", \"category\": \"threat\", \"severity\": 3 } ], \"comment\": \"x\"", StringComparison.Ordinal);

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(json, "typos.json"));

        Assert.Equal(
            ["$.bannedPhrases[0].severity", "$.comment", "$.templates[0].parameters.first_name.optional"],
            ex.Problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compile_TenantOnUnknownJurisdiction_IsRefused()
    {
        var json = MinimalWith(tenants: """{ "acme": { "jurisdiction": "CN" } }""");

        var ex = Assert.Throws<RuleSetInvalidException>(() => RuleSetLoader.Parse(json, "tenants.json"));

        Assert.Equal(["$.tenants.acme.jurisdiction"], ex.Problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Compile_MinimalFile_Compiles()
    {
        var rules = RuleSetLoader.Parse(MinimalWith(), "minimal.json");

        Assert.Equal("US", rules.JurisdictionFor("any-tenant").Code);
        Assert.True(rules.Templates.TryGet("overdue-sms", out var template));
        Assert.Equal(["first_name"], template.Parameters.Keys.ToArray());
        Assert.Matches(template.Parameters["first_name"].Pattern, "Avery");
        Assert.DoesNotMatch(template.Parameters["first_name"].Pattern, "Avery; call 555");
    }

    private static string MinimalWith(string body = "Hi {first_name}.", string templateParameters = """{ "first_name": { "pattern": "[A-Za-z]{1,20}" } }""", string tenants = "{}") => $$"""
        {
          "version": 1,
          "name": "minimal",
          "defaultJurisdiction": "US",
          "jurisdictions": { "US": { "contactHours": [], "fallbackTimeZones": ["America/New_York"], "caps": [], "consentRequiredChannels": [] } },
          "tenants": {{tenants}},
          "purposeChannels": { "overdue_notice": ["sms"] },
          "templates": [ { "id": "overdue-sms", "purpose": "overdue_notice", "channel": "sms", "locale": "en", "body": "{{body}}", "parameters": {{templateParameters}} } ],
          "bannedPhrases": []
        }
        """;
}
