using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Architecture;

/// <summary>
/// The folders of src/Gateway are to form layers: the kernel (Decisions/) at the bottom, the steps
/// above it, the pipeline above them, the deciders and the API at the top.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly string Project = Path.Combine(RulePresets.RepoRoot, "src", "Gateway");

    [Fact]
    public void Folders_OfTheGateway_FormNoCycle()
    {
        var graph = FolderGraph.Read(Project, "Gateway");

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "folders of src/Gateway that import each other, directly or around a cycle:\n" + string.Join("\n", cycles.Select(cycle => string.Join(" -> ", cycle))));
    }

    [Fact]
    public void RuleModel_ImportsNoOtherFolder()
    {
        var graph = FolderGraph.Read(Project, "Gateway");

        Assert.Empty(graph.Imports.GetValueOrDefault("Rules") ?? []);
    }

    [Fact]
    public void Kernel_ImportsOnlyTheRuleModel()
    {
        var graph = FolderGraph.Read(Project, "Gateway");

        Assert.Equal(["Rules"], graph.Imports["Decisions"]);
    }

    [Fact]
    public void Cycles_OfAKnownGraph_AreFound()
    {
        var folder = Directory.CreateTempSubdirectory("folder-graph-").FullName;
        try
        {
            Write(folder, "A/One.cs", "using Sample.B;");
            Write(folder, "B/Two.cs", "using Sample.C;\nusing System;");
            Write(folder, "C/Three.cs", "using Sample.A;");
            Write(folder, "D/Four.cs", "using Sample.A;");

            var cycles = FolderGraph.Read(folder, "Sample").Cycles();

            Assert.Equal(["A", "B", "C"], Assert.Single(cycles));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write(string root, string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }
}
