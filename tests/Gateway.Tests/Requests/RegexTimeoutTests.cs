using System.Reflection;
using System.Text.RegularExpressions;

namespace Gateway.Tests.Requests;

/// <summary>
/// Every regular expression the gateway holds gives up after a bounded time: a pattern that
/// backtracks on a hostile value costs one refusal, never a thread.
/// </summary>
public sealed class RegexTimeoutTests
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TheoryData<string> Regexes()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in All())
        {
            names.Add(name);
        }

        return names;
    }

    [Fact]
    public void Gateway_HoldsRegexes_SoTheTheoryBelowIsNotEmpty() => Assert.True(All().Count() > 10);

    [Theory]
    [MemberData(nameof(Regexes))]
    public void Regex_HasAMatchTimeout(string name)
    {
        var regex = All().Single(entry => entry.Name == name).Regex;

        Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.True(regex.MatchTimeout <= TimeSpan.FromSeconds(1), $"{name}: {regex.MatchTimeout}");
    }

    [Theory]
    [MemberData(nameof(Regexes))]
    public void Regex_AnchoredAtAnEndIsAnchoredWithZ(string name)
    {
        var regex = All().Single(entry => entry.Name == name).Regex;
        var pattern = regex.ToString();

        // "$" without Multiline matches before a final "\n" too: whole-string checks must say \z.
        if (!regex.Options.HasFlag(RegexOptions.Multiline))
        {
            Assert.False(pattern.EndsWith('$') && !pattern.EndsWith(@"\$", StringComparison.Ordinal), $"{name}: {pattern}");
        }
    }

    /// <summary>The gateway's source-generated regexes and static Regex fields, by declaring type and member.</summary>
    private static IEnumerable<(string Name, Regex Regex)> All()
    {
        foreach (var type in typeof(Gateway.Requests.ReminderValidator).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null))
            {
                yield return ($"{type.FullName}.{method.Name}()", (Regex)method.Invoke(null, null)!);
            }

            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(Regex) && !f.Name.Contains('<', StringComparison.Ordinal)))
            {
                if (field.GetValue(null) is Regex regex)
                {
                    yield return ($"{type.FullName}.{field.Name}", regex);
                }
            }
        }
    }
}
