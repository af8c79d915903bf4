using Gateway.Decisions;
using Gateway.Guards.Content;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.RuleSets;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Guards.Content;

/// <summary>
/// Banned phrases written to dodge the lexicon (look-alike letters, spacing, punctuation,
/// invisible and combining characters, traditional characters) are caught by the shipped
/// presets; ordinary texts that merely contain the letters of a phrase still pass.
/// </summary>
public sealed class LexiconEvasionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, RuleSet> Presets = new()
    {
        ["us"] = RulePresets.Us,
        ["cn"] = RuleSetLoader.LoadFile(RulePresets.PathOf("cn-gbt45251.json")),
    };

    [Theory]
    [InlineData("us", "a r r e s t", "threat")]
    [InlineData("us", "ar-rest", "threat")]
    [InlineData("us", "\u0430rrest", "threat")] // Cyrillic а
    [InlineData("us", "\u0410RR\u0415\u0405\u0422", "threat")] // Cyrillic А, Е, Ѕ, Т among Latin R
    [InlineData("us", "a.r.r.e.s.t", "threat")]
    [InlineData("us", "a_r_r_e_s_t", "threat")]
    [InlineData("us", "ar\u00ADrest", "threat")] // soft hyphen
    [InlineData("us", "ar\u2060rest", "threat")] // word joiner
    [InlineData("us", "a\u0332r\u0332r\u0332e\u0332s\u0332t\u0332", "threat")] // combining underline
    [InlineData("us", "arr\u00E9st", "threat")]
    [InlineData("us", "\U0001D41A\U0001D42B\U0001D42B\U0001D41E\U0001D42C\U0001D42D", "threat")] // mathematical bold
    [InlineData("us", "\u1D00\u0280\u0280\u1D07\uA731\u1D1B", "threat")] // small capitals
    [InlineData("us", "You will be ARRESTED", "threat")]
    [InlineData("us", "ar\U0001F525rest", "threat")] // an emoji between
    [InlineData("us", "\u03C1\u03BFlice", "impersonation")] // Greek ρο
    [InlineData("us", "p o l i c e", "impersonation")]
    [InlineData("us", "court-order", "impersonation")]
    [InlineData("us", "c.o.u.r.t o.r.d.e.r", "impersonation")]
    [InlineData("us", "YOUR\u00A0FAMILY", "third_party_disclosure")]
    [InlineData("us", "y\u043Eur employer", "third_party_disclosure")] // Cyrillic о
    [InlineData("us", "d e a d b e a t", "abuse")]
    [InlineData("cn", "坐 牢", "threat")]
    [InlineData("cn", "坐\u200B牢", "threat")]
    [InlineData("cn", "坐-牢", "threat")]
    [InlineData("cn", "坐·牢", "threat")]
    [InlineData("cn", "后 果 自 负", "threat")]
    [InlineData("cn", "後果自負", "threat")] // traditional
    [InlineData("cn", "法院傳票", "impersonation")] // traditional
    [InlineData("cn", "请拨打１１０", "impersonation")] // full-width digits
    [InlineData("cn", "张三ＰＯＬＩＣＥ", "impersonation")]
    [InlineData("cn", "紧急 联系人", "third_party_disclosure")]
    [InlineData("cn", "緊急聯繫人", "third_party_disclosure")]
    [InlineData("cn", "黑名單", "misleading")]
    [InlineData("cn", "老\u3000赖", "abuse")] // ideographic space
    [InlineData("cn", "\u0430rrest", "threat")]
    public void Evaluate_Evasive_IsSuppressedInItsCategory(string preset, string text, string category)
    {
        var verdict = new ContentGuard().Evaluate(Context(Presets[preset], text));

        Assert.Equal((Verdict.Suppress, ReasonCode.ContentRejected), (verdict.Verdict, verdict.Reason));
        Assert.Contains(category, verdict.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us", "Hi Starrest, your payment is due.")]
    [InlineData("us", "Hi Marrest, your payment is due.")]
    [InlineData("us", "A restful weekend to you; your payment is due.")]
    [InlineData("us", "Hi Polina, please call us about your account.")]
    [InlineData("us", "Your employee benefits are not affected.")]
    [InlineData("us", "Pay in the app; it takes a minute.")]
    [InlineData("us", "Hi Courtney, your order of statements is on its way.")]
    [InlineData("us", "Hi Leon, your famous payment plan is ready.")]
    [InlineData("us", "Dear Imprisca, we arranged a restructuring plan.")]
    [InlineData("cn", "张三您好，您的借款已逾期，请通过App还款。")]
    [InlineData("cn", "温馨提示：您的借款将于明天到期。")]
    [InlineData("cn", "请按时还款，保持良好信用。")]
    public void Evaluate_Benign_Passes(string preset, string text)
    {
        Assert.Equal(Verdict.Pass, new ContentGuard().Evaluate(Context(Presets[preset], text)).Verdict);
    }

    [Theory]
    [InlineData("word", "Hi Jailyn", false)]
    [InlineData("word", "you will go to jail", true)]
    [InlineData("word", "you will be jailed", false)]
    [InlineData("prefix", "you will be jailed", true)]
    [InlineData("prefix", "Hi Jailyn", true)]
    [InlineData("prefix", "Hi Ajail", false)]
    [InlineData("substring", "Hi Ajail", true)]
    public void Lexicon_MatchAsTheRuleSetSays(string match, string text, bool caught)
    {
        var phrase = Compile($$"""{ "phrase": "jail", "category": "threat", "match": "{{match}}" }""");

        Assert.Equal(caught, LexiconText.Of(text, leetspeak: false).Contains(phrase.Phrase, phrase.Match));
    }

    [Theory]
    [InlineData("4rr3st", true)]
    [InlineData("@rre$t", true)]
    [InlineData("arr3st", true)]
    [InlineData("a r r 3 s t", true)]
    [InlineData("arrest", true)]
    [InlineData("Call 1-800-4", false)]
    public void Lexicon_LeetspeakWhereThePhraseAsks(string text, bool caught)
    {
        var leet = Compile("""{ "phrase": "arrest", "category": "threat", "leetspeak": true }""");
        var plain = Compile("""{ "phrase": "arrest", "category": "threat" }""");

        Assert.Equal(caught, LexiconText.Of(text, leetspeak: true).Contains(leet.Phrase, leet.Match));
        Assert.Equal(text == "arrest", LexiconText.Of(text, leetspeak: false).Contains(plain.Phrase, plain.Match));
    }

    [Fact]
    public void Lexicon_Defaults_PrefixForSpacedScriptsSubstringForChinese()
    {
        Assert.Equal(PhraseMatch.Prefix, Compile("""{ "phrase": "court order", "category": "impersonation" }""").Match);
        Assert.Equal(PhraseMatch.Substring, Compile("""{ "phrase": "法院传票", "category": "impersonation" }""").Match);
        Assert.Equal("courtorder", Compile("""{ "phrase": "Court  Order", "category": "impersonation" }""").Phrase);
    }

    [Fact]
    public void Lexicon_UnknownMatch_IsNamed()
    {
        var ex = Assert.Throws<RuleSetInvalidException>(() => CompileAll("""{ "phrase": "jail", "category": "threat", "match": "fuzzy" }"""));

        Assert.Equal(["$.bannedPhrases[0].match"], ex.Problems.Select(problem => problem.Path));
    }

    private static BannedPhrase Compile(string phrase) => Assert.Single(CompileAll(phrase).Lexicon.Phrases);

    /// <summary>The shipped US preset with its lexicon replaced by <paramref name="phrase"/>.</summary>
    private static RuleSet CompileAll(string phrase)
    {
        var preset = File.ReadAllText(RulePresets.PathOf("us-regf.json"));
        var start = preset.IndexOf("\"bannedPhrases\": [", StringComparison.Ordinal);
        return RuleSetLoader.Parse(preset[..start] + "\"bannedPhrases\": [" + phrase + "]\n}\n", "lexicon.json");
    }

    private static DecisionContext Context(RuleSet rules, string body)
    {
        var result = new ReminderValidator(new FakeTimeProvider(Now)).Validate(TestReminders.OverdueSms(), RulePresets.Us, "tenant-a");
        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        var request = result.Request! with { Template = result.Request!.Template with { Body = body } };
        return new(new Tenant("tenant-a", "Acme Lending", new Uri("http://127.0.0.1:1")), request, rules, Now, DecisionMode.DryRun, "rem_" + new string('0', 32), DateTimeOffset.MaxValue);
    }
}
