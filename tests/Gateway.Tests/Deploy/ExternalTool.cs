using System.Diagnostics;

namespace Gateway.Tests.Deploy;

/// <summary>promtool and kubectl, run as <c>make check-deploy</c> runs them; <c>make deps</c> installs both when missing.</summary>
internal static class ExternalTool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var executable = Infrastructure.RedisServer.FindExecutable(tool)
            ?? throw new InvalidOperationException($"{tool} is not installed; `make deps` installs it from Debian's packages.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The manifests an overlay renders to, as <c>kubectl apply -k</c> would send them.</summary>
    public static async Task<IReadOnlyList<YamlDotNet.RepresentationModel.YamlMappingNode>> KustomizeAsync(string folder)
    {
        var (exitCode, output, error) = await RunAsync("kubectl", ["kustomize", RepositoryFiles.PathOf(folder)]);
        Assert.True(exitCode == 0, $"kubectl kustomize {folder} failed:\n{error}");
        return Yaml.Documents(output);
    }
}
