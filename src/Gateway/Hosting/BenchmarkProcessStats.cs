namespace Gateway.Hosting;

/// <summary>
/// What <c>GET /bench/process</c> answers: the gateway process's own counters, read by the
/// benchmark before and after each scenario. Bytes allocated come from the GC (every thread,
/// precise), which nothing outside the process can read.
/// </summary>
internal sealed record BenchmarkProcessStats(long AllocatedBytes, double CpuSeconds, int Gen0Collections, int Gen1Collections, int Gen2Collections);
