namespace Gateway.Cli;

/// <summary>The command line as a verb, named options (<c>--name value</c>, repeatable) and flags (<c>--name</c>).</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments(string verb) => Verb = verb;

    public string Verb { get; }

    public static CliArguments Parse(string[] args)
    {
        var parsed = new CliArguments(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help");
        for (var i = parsed.Verb == "help" && args.Length > 0 && args[0] != "help" ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                if (!parsed._options.TryGetValue(name, out var values))
                {
                    parsed._options[name] = values = [];
                }

                values.Add(args[++i]);
            }
            else
            {
                parsed._flags.Add(name);
            }
        }

        return parsed;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public bool Has(string flag) => _flags.Contains(flag);
}
