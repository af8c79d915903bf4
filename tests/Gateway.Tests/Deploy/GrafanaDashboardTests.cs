using System.Text.Json;

namespace Gateway.Tests.Deploy;

/// <summary>deploy/grafana: the dashboard parses, every query parses as PromQL, and every query selects a metric the gateway exports (or a recording rule over them).</summary>
public sealed class GrafanaDashboardTests
{
    private const string DashboardFile = "deploy/grafana/dashboards/reminder-gateway.json";

    private static List<string> Queries()
    {
        using var dashboard = JsonDocument.Parse(RepositoryFiles.Read(DashboardFile));
        var queries = new List<string>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                queries.AddRange(targets.EnumerateArray().Select(target => target.GetProperty("expr").GetString()!));
            }
        }

        return queries;
    }

    [Fact]
    public void Dashboard_HasPanelsWithQueries() => Assert.True(Queries().Count >= 10);

    [Fact]
    public void EveryQuery_SelectsAnExportedMetricOrRecordingRule()
    {
        var known = ExportedMetrics.Names.Concat(PrometheusRulesTests.RecordedNames).ToHashSet(StringComparer.Ordinal);
        foreach (var query in Queries())
        {
            var selected = PromQl.MetricNames(query);
            Assert.True(selected.Count > 0, $"selects nothing: {query}");
            Assert.True(selected.IsSubsetOf(known), $"{query} selects {string.Join(", ", selected.Except(known))}, which the gateway does not export");
        }
    }

    [Fact]
    public async Task EveryQuery_ParsesAsPromQl()
    {
        // Grafana's own range variable becomes a duration Prometheus accepts.
        await Promtool.AssertParsesAsync(Queries().Select(query => query.Replace("$__rate_interval", "5m", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void Provisioning_LoadsTheDashboardsFolderFromPrometheus()
    {
        var provider = Yaml.Document(RepositoryFiles.Read("deploy/grafana/provisioning/dashboards/reminder-gateway.yaml"));
        Assert.Equal("/var/lib/grafana/dashboards", provider.Items("providers").Single().Text("options.path"));
        var source = Yaml.Document(RepositoryFiles.Read("deploy/grafana/provisioning/datasources/prometheus.yaml"));
        Assert.Equal("prometheus", source.Items("datasources").Single().Text("type"));
    }
}
