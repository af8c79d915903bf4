namespace Gateway.Observability;

/// <summary>
/// Requests that are not traced: scrapes and health probes arrive every few seconds from every
/// orchestrator and would drown the decisions in a trace store.
/// </summary>
internal static class ProbePaths
{
    private static readonly PathString[] Probes =
    [
        new("/metrics"),
        new("/livez"),
        new("/readyz"),
        new("/healthz"),
        new("/grpc.health.v1.Health"),
    ];

    public static bool IsProbe(PathString path) => Probes.Any(path.StartsWithSegments);
}
