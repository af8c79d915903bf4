using System.Text.RegularExpressions;

namespace Gateway.Tests.Deploy;

/// <summary>
/// The metric names a PromQL expression selects. Not a parser (promtool parses, see
/// <see cref="Promtool"/>): it removes what can hold other identifiers (strings, label matchers,
/// ranges, grouping clauses) and keeps the identifiers that are not functions or keywords.
/// </summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "inf", "nan",
    };

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var text = Strings().Replace(expression, "\"\"");
        text = Matchers().Replace(text, " ");
        text = Ranges().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        text = Variables().Replace(text, " ");
        return Identifiers().Matches(text)
            .Where(match => !match.Groups["call"].Success && !Keywords.Contains(match.Groups["name"].Value.ToLowerInvariant()))
            .Select(match => match.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]|\boffset\s+\d+[smhdwy]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$\w+|\$\{[^}]*\}")]
    private static partial Regex Variables();

    [GeneratedRegex(@"(?<![\w:.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifiers();
}
