using System.Text.RegularExpressions;

namespace Gateway.Tests.Deploy;

/// <summary>The repository's Dockerfile read into its stages: each stage's name, base, environment and entry point.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerfileStage> stages) => Stages = stages;

    public IReadOnlyList<DockerfileStage> Stages { get; }

    public DockerfileStage Stage(string name) =>
        Stages.SingleOrDefault(stage => stage.Name == name) ?? throw new KeyNotFoundException($"The Dockerfile has no stage '{name}'");

    /// <summary>The environment a stage's image runs with: its own ENV over those of the stages it is built from.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(string name)
    {
        var stage = Stage(name);
        var inherited = Stages.Any(other => other.Name == stage.Base) ? EnvironmentOf(stage.Base) : new Dictionary<string, string>();
        var environment = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
        foreach (var (key, value) in stage.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }

    public static Dockerfile Read()
    {
        // Instructions, with continuation lines joined and comment lines dropped as Docker drops them.
        var instructions = new List<string>();
        var current = string.Empty;
        foreach (var raw in RepositoryFiles.Read("Dockerfile").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                if (current.Trim().Length > 0)
                {
                    instructions.Add(current.Trim());
                }

                current = string.Empty;
            }
        }

        var stages = new List<DockerfileStage>();
        foreach (var instruction in instructions)
        {
            if (From().Match(instruction) is { Success: true } from)
            {
                stages.Add(new DockerfileStage(from.Groups["name"].Value, from.Groups["base"].Value));
            }
            else if (stages.Count > 0 && instruction.StartsWith("ENV ", StringComparison.Ordinal))
            {
                foreach (Match pair in EnvPair().Matches(instruction[4..]))
                {
                    stages[^1].Environment[pair.Groups["key"].Value] = pair.Groups["value"].Value;
                }
            }
            else if (stages.Count > 0 && instruction.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))
            {
                stages[^1].EntryPoint = instruction["ENTRYPOINT ".Length..];
            }
        }

        return new Dockerfile(stages);
    }

    [GeneratedRegex(@"^FROM\s+(?<base>\S+)\s+AS\s+(?<name>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_.]*)=(?<value>\S*)")]
    private static partial Regex EnvPair();
}
