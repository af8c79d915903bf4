
namespace Gateway.Observability;

/// <summary>Logs of the benchmark switches. Event ids 1700–1799 are stable.</summary>
internal static partial class BenchmarkLog
{
    [LoggerMessage(1700, LogLevel.Warning, "Gateway:Benchmark:EnablePassThrough is on: bench.v1.PassThroughService answers SENT with no guardrail, and /bench/process is mapped. Never enable it in production.")]
    public static partial void PassThroughEnabled(ILogger logger);
}
