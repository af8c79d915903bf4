using System.Text.RegularExpressions;

namespace Gateway.Tests.Architecture;

/// <summary>
/// Which top-level folder of a project imports which, read from the <c>using Gateway.X</c> lines
/// of its source files, and the cycles between them (Tarjan's strongly connected components).
/// </summary>
internal sealed partial class FolderGraph
{
    private readonly Dictionary<string, SortedSet<string>> _imports = new(StringComparer.Ordinal);

    private FolderGraph()
    {
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Imports => _imports;

    /// <summary>Reads every .cs file under <paramref name="projectFolder"/>, outside bin and obj.</summary>
    public static FolderGraph Read(string projectFolder, string rootNamespace)
    {
        var graph = new FolderGraph();
        foreach (var file in Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectFolder, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj")
            {
                continue;
            }

            var folder = relative[0];
            var imports = graph.ImportsOf(folder);
            foreach (Match line in UsingLine().Matches(File.ReadAllText(file)))
            {
                var parts = line.Groups["ns"].Value.Split('.');
                if (parts.Length > 1 && parts[0] == rootNamespace && parts[1] != folder && Directory.Exists(Path.Combine(projectFolder, parts[1])))
                {
                    imports.Add(parts[1]);
                }
            }
        }

        return graph;
    }

    /// <summary>Every set of two or more folders that import each other, directly or through others.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string folder)
        {
            indices[folder] = lowLinks[folder] = index++;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in ImportsOf(folder).ToList())
            {
                if (!indices.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    lowLinks[folder] = Math.Min(lowLinks[folder], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[folder] = Math.Min(lowLinks[folder], seen);
                }
            }

            if (lowLinks[folder] == indices[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != folder);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var folder in _imports.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!indices.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return cycles;
    }

    private SortedSet<string> ImportsOf(string folder)
    {
        if (!_imports.TryGetValue(folder, out var imports))
        {
            imports = new SortedSet<string>(StringComparer.Ordinal);
            _imports[folder] = imports;
        }

        return imports;
    }

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?<ns>[A-Za-z_][A-Za-z0-9_.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
