using System.Diagnostics;
using Gateway.Api;
using Gateway.Observability;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Maps what <c>make bench</c> needs, and only when <see cref="BenchmarkOptions.EnablePassThrough"/> is on.</summary>
internal static class BenchmarkEndpoints
{
    public static void MapBenchmarkEndpoints(this WebApplication app, ILogger logger)
    {
        if (!app.Services.GetRequiredService<IOptions<BenchmarkOptions>>().Value.EnablePassThrough)
        {
            return;
        }

        // Loud on purpose: a pass-through answers SENT without a single guardrail.
        BenchmarkLog.PassThroughEnabled(logger);
        app.MapGrpcService<PassThroughGrpcService>();
        app.MapGet("/bench/process", static () =>
        {
            using var process = Process.GetCurrentProcess();
            return Results.Json(new BenchmarkProcessStats(
                GC.GetTotalAllocatedBytes(precise: true),
                process.TotalProcessorTime.TotalSeconds,
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2)));
        });
    }
}
