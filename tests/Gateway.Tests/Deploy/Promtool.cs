namespace Gateway.Tests.Deploy;

/// <summary>Checks PromQL the way Prometheus will load it: as rules, through <c>promtool check rules</c>.</summary>
internal static class Promtool
{
    /// <summary>Every expression parsed, or promtool's complaint naming the ones that did not.</summary>
    public static async Task AssertParsesAsync(IReadOnlyList<string> expressions)
    {
        var folder = Directory.CreateTempSubdirectory("promql-check-").FullName;
        try
        {
            var file = Path.Combine(folder, "check.rules.yml");
            var rules = expressions.Select((expression, index) =>
                $"      - record: check:expression_{index}\n        expr: {System.Text.Json.JsonSerializer.Serialize(expression)}\n");
            await File.WriteAllTextAsync(file, "groups:\n  - name: check\n    rules:\n" + string.Concat(rules));
            var (exitCode, output, error) = await ExternalTool.RunAsync("promtool", ["check", "rules", file]);
            Assert.True(exitCode == 0, $"promtool could not parse an expression:\n{output}{error}\n{string.Join('\n', expressions)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
