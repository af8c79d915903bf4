using Gateway.RuleSets;
using Gateway.Rules;

namespace Gateway.Tests.Infrastructure;

/// <summary>The rule presets shipped under deploy/rules, read from the repository itself (not from a copy in the build output).</summary>
internal static class RulePresets
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<RuleSet> UsPreset = new(() => RuleSetLoader.LoadFile(PathOf("us-regf.json")));

    /// <summary>The folder holding Gateway.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Root.Value;

    public static string Folder => Path.Combine(RepoRoot, "deploy", "rules");

    /// <summary>The shipped US preset (Regulation F and TCPA), compiled once per test run. Rule sets are immutable, so tests share it.</summary>
    public static RuleSet Us => UsPreset.Value;

    /// <summary>The rule files shipped, without the JSON Schema that describes them.</summary>
    public static IReadOnlyList<string> FileNames => [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Where(name => !name.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gateway.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Gateway.sln.");
    }
}
