using System.Text.RegularExpressions;

namespace Gateway.Tests.Configuration;

/// <summary>
/// The keys the README's "Configuration" table names. A row's first cell names keys in code spans:
/// a full key, then bare names beside it under the same section
/// (<c>`Gateway:Carriers:Twilio:SmsFrom` / `VoiceFrom`</c>); a section's <c>:*</c> row names its
/// keys as bare code spans in the meaning cell. Placeholders (<c>{id}</c>, <c>{n}</c>) are left out.
/// </summary>
internal static partial class ReadmeConfigurationTable
{
    public static IReadOnlySet<string> Keys(string readme)
    {
        var start = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Configuration' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = CellSeparator().Split(row);
            var named = CodeSpan().Matches(cells[1]).Select(match => match.Groups[1].Value).ToList();
            var first = WithoutPlaceholders(named[0]);
            if (first.EndsWith(":*", StringComparison.Ordinal))
            {
                var prefix = first[..^2];
                keys.UnionWith(CodeSpan().Matches(cells[3]).Select(match => match.Groups[1].Value).Where(name => BareName().IsMatch(name)).Select(name => $"{prefix}:{name}"));
                continue;
            }

            keys.Add(first);
            var sectionOfFirst = first[..first.LastIndexOf(':')];
            keys.UnionWith(named.Skip(1).Where(name => BareName().IsMatch(name)).Select(name => $"{sectionOfFirst}:{name}"));
        }

        return keys;
    }

    private static string WithoutPlaceholders(string key) => Placeholder().Replace(key, string.Empty);

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex BareName();

    [GeneratedRegex(@":\{[^}]*\}")]
    private static partial Regex Placeholder();
}
