using System.Text.Json;
using Gateway.Rules;

namespace Gateway.RuleSets;

/// <summary>
/// Reads rule files: JSON with comments (so each preset figure can cite its source) and no unknown
/// members (so a typo is an error, not a silently ignored rule). Unknown members are collected by
/// the documents and named by <see cref="RuleSetCompiler"/> together with every other problem.
/// </summary>
internal static class RuleSetLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static RuleSet LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RuleSetInvalidException(path, [new RuleProblem("$", $"file not found (full path: {Path.GetFullPath(path)})")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static RuleSet Parse(string json, string source) => RuleSetCompiler.Compile(ParseDocument(json, source), source);

    /// <summary>
    /// Compiles a rule set that the store numbers (an admin candidate, a stored version): its own
    /// <c>version</c> member is optional and the result carries <paramref name="version"/>. Every
    /// problem is added to <paramref name="problems"/>; null when there is any.
    /// </summary>
    public static RuleSet? TryParseVersioned(string json, long version, List<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        RuleSetDocument document;
        try
        {
            document = ParseDocument(json ?? string.Empty, "candidate");
        }
        catch (RuleSetInvalidException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }

        document.Version ??= version;
        var compiled = RuleSetCompiler.TryCompile(document, problems);
        return compiled is null ? null : compiled with { Version = version };
    }

    public static RuleSetDocument ParseDocument(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<RuleSetDocument>(json, Options)
                ?? throw new RuleSetInvalidException(source, [new RuleProblem("$", "is empty")]);
        }
        catch (JsonException ex)
        {
            throw new RuleSetInvalidException(source, [new RuleProblem(ex.Path ?? "$", ex.Message)]);
        }
    }
}
