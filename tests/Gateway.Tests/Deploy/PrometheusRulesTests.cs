using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Deploy;

/// <summary>
/// deploy/prometheus: promtool loads the rules and passes their unit tests (as <c>make
/// check-deploy</c> does), every alert links a runbook that exists and says what it must, and
/// every expression selects only what the gateway exports or the recording rules define.
/// </summary>
public sealed class PrometheusRulesTests
{
    private const string RulesFolder = "deploy/prometheus";
    private static readonly string[] RunbookSections = ["## Meaning", "## Impact", "## Diagnosis", "## Action"];

    private static IEnumerable<YamlNode> Rules(string file) =>
        Yaml.Document(RepositoryFiles.Read($"{RulesFolder}/{file}")).Items("groups").SelectMany(group => group.Items("rules"));

    private static IReadOnlyList<YamlNode> Alerts => Rules("alerts.rules.yml").ToList();

    internal static IReadOnlySet<string> RecordedNames =>
        Rules("recording.rules.yml").Select(rule => rule.Text("record")).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task Promtool_ChecksTheRules()
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("promtool", ["check", "rules", $"{RulesFolder}/recording.rules.yml", $"{RulesFolder}/alerts.rules.yml"]);
        Assert.True(exitCode == 0, output + error);
    }

    [Fact]
    public async Task Promtool_PassesTheAlertUnitTests()
    {
        var (exitCode, output, error) = await ExternalTool.RunAsync("promtool", ["test", "rules", $"{RulesFolder}/tests/alerts.test.yml"]);
        Assert.True(exitCode == 0, output + error);
    }

    [Fact]
    public void EveryAlert_HasAUnitTestCase()
    {
        var tested = Yaml.Document(RepositoryFiles.Read($"{RulesFolder}/tests/alerts.test.yml")).Items("tests")
            .SelectMany(test => test.Items("alert_rule_test"))
            .Where(test => test.Items("exp_alerts").Any())
            .Select(test => test.Text("alertname"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(Alerts.Select(alert => alert.Text("alert")), name => Assert.True(tested.Contains(name), $"{name} has no unit test case that expects it to fire"));
    }

    [Fact]
    public void EveryAlert_LinksItsRunbook_WhichSaysMeaningImpactDiagnosisAndAction()
    {
        Assert.NotEmpty(Alerts);
        foreach (var alert in Alerts)
        {
            var name = alert.Text("alert");
            var runbook = $"deploy/runbooks/{name}.md";
            Assert.Equal(runbook, alert.Text("annotations.runbook_url"));
            Assert.True(File.Exists(RepositoryFiles.PathOf(runbook)), $"{name}: {runbook} is missing");
            var text = RepositoryFiles.Read(runbook);
            Assert.StartsWith($"# {name}\n", text, StringComparison.Ordinal);
            Assert.All(RunbookSections, section => Assert.Contains(section, text, StringComparison.Ordinal));
            Assert.Contains(alert.Text("labels.severity"), new[] { "critical", "warning" });
        }
    }

    [Fact]
    public void EveryRunbook_BelongsToAnAlert()
    {
        var alerts = Alerts.Select(alert => alert.Text("alert")).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(RepositoryFiles.PathOf("deploy/runbooks"), "*.md").Select(Path.GetFileNameWithoutExtension).Where(page => page != "README");
        Assert.All(pages, page => Assert.True(alerts.Contains(page!), $"deploy/runbooks/{page}.md belongs to no alert"));
    }

    [Fact]
    public void EveryExpression_SelectsOnlyExportedMetrics()
    {
        var known = ExportedMetrics.Names.Concat(RecordedNames).Append(ExportedMetrics.ScrapeUp).ToHashSet(StringComparer.Ordinal);
        var expressions = Rules("recording.rules.yml").Concat(Alerts).Select(rule => (Name: rule.Find("record") is null ? rule.Text("alert") : rule.Text("record"), Expression: rule.Text("expr")));
        foreach (var (name, expression) in expressions)
        {
            var selected = PromQl.MetricNames(expression);
            Assert.True(selected.Count > 0, $"{name} selects nothing: {expression}");
            Assert.True(selected.IsSubsetOf(known), $"{name} selects {string.Join(", ", selected.Except(known))}, which the gateway does not export");
        }
    }

    [Fact]
    public void KubernetesPrometheusRule_HoldsTheseRulesExactly()
    {
        var source = new[] { "recording.rules.yml", "alerts.rules.yml" }
            .SelectMany(file => Yaml.Document(RepositoryFiles.Read($"{RulesFolder}/{file}")).Items("groups"))
            .Select(Yaml.Canonical)
            .ToList();
        var copy = Yaml.Document(RepositoryFiles.Read("deploy/kubernetes/base/prometheusrule.yaml")).Items("spec.groups").Select(Yaml.Canonical).ToList();
        Assert.True(source.SequenceEqual(copy), "deploy/kubernetes/base/prometheusrule.yaml differs from deploy/prometheus/*.rules.yml: copy the groups over");
    }

    [Fact]
    public void ExpressionReader_FindsTheMetricsAndNothingElse()
    {
        var names = PromQl.MetricNames("""sum by (le, tenant) (rate(gateway_recheck_duration_seconds_bucket{result=~"a|b"}[5m])) / on (tenant) group_left max(gateway:x:rate5m offset 15m) > 0.5 or vector(0)""");
        Assert.Equal(["gateway:x:rate5m", "gateway_recheck_duration_seconds_bucket"], names.Order(StringComparer.Ordinal));
    }
}
