using System.Text.Json;

namespace Gateway.Rules;

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
