using System.Globalization;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Tests.Infrastructure;

/// <summary>Short forms of the calls the recheck tests make over and over, as the test tenant.</summary>
internal static class GatewayTestHostExtensions
{
    public static async Task<Decision> SendAsync(this GatewayTestHost host, Reminder reminder) =>
        (await host.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

    /// <summary>Decides a reminder without sending it (EvaluateReminder), as the test tenant.</summary>
    public static async Task<Decision> EvaluateAsync(this GatewayTestHost host, Reminder reminder) =>
        (await host.Reminders.EvaluateReminderAsync(new EvaluateReminderRequest { Reminder = reminder }, GatewayTestHost.Authorized())).Decision;

    /// <summary>Sends a reminder the gateway must refuse to decide, and returns the error.</summary>
    public static Task<RpcException> SendRefusedAsync(this GatewayTestHost host, Reminder reminder) =>
        Assert.ThrowsAsync<RpcException>(async () => await host.SendAsync(reminder));

    /// <summary>Waits (bounded, 10 s) until the sample <paramref name="series"/> of /metrics reaches <paramref name="atLeast"/>, for work done in the background; returns its value then.</summary>
    public static async Task<double> AwaitMetricAsync(this GatewayTestHost host, string series, double atLeast)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = GatewayTestHost.Sample(await host.ScrapeMetricsAsync(), series);
            if (value >= atLeast || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return value;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The tenant's <c>gateway_recheck_circuit_state</c>, or null when /metrics does not show it.</summary>
    public static async Task<double?> CircuitStateAsync(this GatewayTestHost host)
    {
        var series = $"gateway_recheck_circuit_state{{tenant=\"{host.TenantId}\"}} ";
        var line = (await host.ScrapeMetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[series.Length..], CultureInfo.InvariantCulture);
    }
}
