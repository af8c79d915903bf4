using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Gateway.V1;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Observability;

/// <summary>
/// The spans a real in-process gateway exports, read back through the in-memory exporter: one trace
/// per decision, a span per step, the lender's call in the same trace (so its context reached the
/// lender), and no contact point anywhere. Tracer providers listen process-wide, so the spans of
/// other tests' hosts are filtered out by this host's tenant id.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class DecisionTracingTests(RedisFixture redis)
{
    private static readonly string[] StepSpans = ["gateway.validation", "gateway.step.local_rules", "gateway.step.reserve", "gateway.step.recheck", "gateway.step.relay", "gateway.record"];

    [Fact]
    public async Task SendReminder_TwoDecisions_OneTraceEachWithStepSpansLenderCallAndNoContactPoint()
    {
        var exported = new List<Activity>();
        await using var env = await TestEnvironment.StartAsync(
            redis.Server.ConnectionString,
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        var debtors = new[] { TestSeed.AddDueDebtor(env.Lender.Ledger, 9101), TestSeed.AddDueDebtor(env.Lender.Ledger, 9102) };

        foreach (var (debtor, debt, phone, _) in debtors)
        {
            var decision = (await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized())).Decision;
            Assert.Equal(Outcome.Sent, decision.Outcome);
        }

        // A server span ends once its response is written, a moment after the client has it.
        var traces = await AwaitTracesAsync(exported, env.Gateway.TenantId, count: 2);

        Assert.Equal(2, traces.Count);
        foreach (var trace in traces)
        {
            var dump = Dump(trace);
            var decision = Assert.Single(trace, span => span.OperationName == "gateway.decision");
            Assert.Equal("sent", decision.GetTagItem("gateway.outcome"));
            Assert.Equal("sms", decision.GetTagItem("gateway.channel"));
            foreach (var name in StepSpans)
            {
                Assert.True(trace.Count(span => span.OperationName == name) == 1, $"{name} missing or repeated in:\n{dump}");
            }

            Assert.All(trace.Where(span => span.OperationName.StartsWith("gateway.step.", StringComparison.Ordinal)), step => Assert.Equal(decision.SpanId, step.ParentSpanId));
            Assert.True(trace.Any(span => span.Kind == ActivityKind.Client && Text(span).Contains("lending.v1", StringComparison.Ordinal)), "no lender client span in:\n" + dump);
            Assert.True(trace.Any(span => span.Kind == ActivityKind.Server && Text(span).Contains("lending.v1", StringComparison.Ordinal)), "the lender's server span is not in the trace (context not propagated):\n" + dump);
        }

        var everything = string.Join("\n", traces.SelectMany(trace => trace).Select(Text));
        foreach (var (_, _, phone, email) in debtors)
        {
            Assert.DoesNotContain(phone.TrimStart('+'), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(email, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task SendReminder_DecidedLog_CarriesTheTraceIdOfItsDecision()
    {
        var exported = new List<Activity>();
        var decided = new ScopeCapture(1000);
        await using var env = await TestEnvironment.StartAsync(
            redis.Server.ConnectionString,
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Gateway.Pipeline"] = "Information" },
            services: services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(decided);
            });
        var (debtor, debt, phone, _) = TestSeed.AddDueDebtor(env.Lender.Ledger, 9103);

        await env.Gateway.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = TestReminders.OverdueSms(debtor, debt, phone) }, GatewayTestHost.Authorized());

        var trace = Assert.Single(await AwaitTracesAsync(exported, env.Gateway.TenantId, count: 1));
        var entry = Assert.Single(decided.Entries);
        Assert.Contains(entry, pair => pair.Key == "TraceId" && pair.Value is not null && pair.Value.ToString() == trace[0].TraceId.ToHexString());
    }

    private static async Task<List<List<Activity>>> AwaitTracesAsync(List<Activity> exported, string tenantId, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            List<Activity> spans;
            lock (exported)
            {
                spans = [.. exported];
            }

            var traceIds = spans.Where(span => span.OperationName == "gateway.decision" && Equals(span.GetTagItem("gateway.tenant.id"), tenantId)).Select(span => span.TraceId).Distinct().ToList();
            var traces = traceIds.Select(id => spans.Where(span => span.TraceId == id).ToList()).ToList();
            var complete = traces.Count(trace => trace.Count(span => span.Kind == ActivityKind.Server) >= 2);
            if ((traces.Count >= count && complete >= count) || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return traces;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Everything a span would export as text: its names, tags, events and their tags.</summary>
    private static string Text(Activity span) =>
        string.Join(
            " ",
            new[] { span.OperationName, span.DisplayName, span.StatusDescription ?? string.Empty }
                .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
                .Concat(span.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(tag => $"{tag.Key}={tag.Value}")))));

    private static string Dump(List<Activity> trace) => string.Join("\n", trace.Select(span => $"{span.Source.Name} {span.Kind} {Text(span)}"));
}
