using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deploy;

/// <summary>
/// YAML read into nodes, with anchors, aliases and merge keys (<c>&lt;&lt;: *gateway</c>) resolved as
/// docker compose resolves them, and small accessors that fail with the path they looked for.
/// </summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Document(string text) => Documents(text).Single();

    public static YamlNode? Find(this YamlNode node, string path)
    {
        var current = node;
        foreach (var step in path.Split('.'))
        {
            current = current switch
            {
                YamlMappingNode mapping => mapping.Children.TryGetValue(new YamlScalarNode(step), out var child) ? child : null,
                YamlSequenceNode sequence when int.TryParse(step, out var index) && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static YamlNode At(this YamlNode node, string path) =>
        node.Find(path) ?? throw new KeyNotFoundException($"no '{path}' in the YAML node at line {node.Start.Line}");

    public static string Text(this YamlNode node, string path) => ((YamlScalarNode)node.At(path)).Value ?? string.Empty;

    public static IEnumerable<YamlNode> Items(this YamlNode node, string path) =>
        node.Find(path) is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>The node's content in one line, mapping keys sorted and text trimmed, so that two files holding the same data compare equal however they are laid out.</summary>
    public static string Canonical(this YamlNode node) => node switch
    {
        YamlScalarNode scalar => System.Text.Json.JsonSerializer.Serialize((scalar.Value ?? string.Empty).Trim()),
        YamlSequenceNode sequence => "[" + string.Join(",", sequence.Children.Select(Canonical)) + "]",
        YamlMappingNode mapping => "{" + string.Join(",", mapping.Children
            .Select(entry => Canonical(entry.Key) + ":" + Canonical(entry.Value))
            .Order(StringComparer.Ordinal)) + "}",
        _ => string.Empty,
    };

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode node, string path) =>
        node.Find(path) is YamlMappingNode mapping
            ? mapping.Children.Select(entry => (((YamlScalarNode)entry.Key).Value ?? string.Empty, entry.Value))
            : [];
}
