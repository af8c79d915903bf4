using Gateway.Observability;
using Prometheus;

namespace Gateway.Tests.Deploy;

/// <summary>
/// The series names the gateway exports, read from <see cref="GatewayMetrics"/> itself (a
/// histogram exports _bucket, _sum and _count), so a renamed metric fails every rule and panel
/// that still names the old one.
/// </summary>
internal static class ExportedMetrics
{
    /// <summary>Prometheus's own series about each scrape, which alerts may use beside the gateway's.</summary>
    public const string ScrapeUp = "up";

    public static IReadOnlySet<string> Names { get; } = Read();

    private static HashSet<string> Read()
    {
        var metrics = new GatewayMetrics();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in typeof(GatewayMetrics).GetProperties())
        {
            switch (property.GetValue(metrics))
            {
                case Histogram histogram:
                    names.UnionWith([histogram.Name + "_bucket", histogram.Name + "_sum", histogram.Name + "_count"]);
                    break;
                case Collector collector:
                    names.Add(collector.Name);
                    break;
            }
        }

        return names;
    }
}
