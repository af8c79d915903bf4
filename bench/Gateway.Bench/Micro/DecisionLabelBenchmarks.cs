using BenchmarkDotNet.Attributes;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Bench.Micro;

/// <summary>
/// The snake_case enum names every decision asks for several times (metric labels, verdict
/// details, the outbox line): channel, outcome and reason, as one decision uses them.
/// </summary>
[Config(typeof(MicroConfig))]
public class DecisionLabelBenchmarks
{
    [Benchmark]
    public int RuleNames_ChannelOutcomeReason() =>
        RuleNames.Of(Channel.Sms).Length + RuleNames.Of(Outcome.Sent).Length + RuleNames.Of(ReasonCode.CapExceeded).Length;
}
