using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Gateway.Bench.Macro;

/// <summary>
/// Where the gateway's allocations come from, from a trace written with <c>--alloc-trace</c>:
/// the GC samples one allocation about every 100 KB, so the sampled amounts by type, and by the
/// innermost gateway method on the allocating stack, are proportional to the real ones.
/// </summary>
internal static class AllocationReport
{
    public static int Print(string tracePath, int top = 25)
    {
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byMethod = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(tracePath));
        foreach (var data in log.Events)
        {
            if (data is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var amount = tick.AllocationAmount64;
            total += amount;
            Add(byType, tick.TypeName ?? "?", amount);
            Add(byMethod, GatewayFrame(data) ?? "(no Gateway.* frame: server, protocol or runtime)", amount);
        }

        Console.WriteLine($"Sampled allocations: {total / 1024 / 1024} MB in {tracePath}");
        Print("by type", byType, total, top);
        Print("by innermost Gateway.* method on the stack", byMethod, total, top);
        return 0;
    }

    private static string? GatewayFrame(TraceEvent data)
    {
        for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
        {
            var method = frame.CodeAddress.FullMethodName;
            if (method.StartsWith("Gateway.", StringComparison.Ordinal) && !method.StartsWith("Gateway.V1.", StringComparison.Ordinal) && !method.StartsWith("Gateway.Bench", StringComparison.Ordinal))
            {
                return method;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, long> totals, string key, long amount) =>
        totals[key] = totals.GetValueOrDefault(key) + amount;

    private static void Print(string title, Dictionary<string, long> totals, long total, int top)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        foreach (var (key, amount) in totals.OrderByDescending(entry => entry.Value).Take(top))
        {
            Console.WriteLine($"  {100.0 * amount / Math.Max(total, 1),5:0.0}%  {key}");
        }
    }
}
