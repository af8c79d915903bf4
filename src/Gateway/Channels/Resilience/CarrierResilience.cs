using Gateway.Decisions;
using System.Collections.Frozen;
using Gateway.Observability;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.Channels.Resilience;

/// <summary>
/// One Polly pipeline per carrier, outermost first: retry (only results the carrier marked safe to
/// repeat, only while the relay's deadline leaves room), circuit breaker (carrier trouble, not a
/// carrier's refusal of one message), and, inside the caller's throughput wait, the timeout of
/// one attempt (bounded by the deadline too). Built at start-up so
/// <c>gateway_carrier_circuit_state</c> shows every carrier from the first scrape.
/// </summary>
internal sealed class CarrierResilience
{
    /// <summary>The relay's deadline (wall clock), read by the retry and the timeout.</summary>
    public static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("gateway.relay-deadline");

    /// <summary>An attempt shorter than this is not worth starting: it could only end ambiguous.</summary>
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(50);

    private readonly FrozenDictionary<string, CarrierPipelines> _byCarrier;

    public CarrierResilience(CarrierRouter router, IOptions<CarrierResilienceOptions> options, TimeProvider time, WallClock wall, GatewayMetrics metrics, ILogger<CarrierResilience> logger)
    {
        _byCarrier = router.Carriers.ToFrozenDictionary(
            carrier => carrier.Name,
            carrier =>
            {
                var circuit = new CarrierCircuitReport(carrier.Name, metrics, logger);
                circuit.Set(CircuitState.Closed);
                return Build(options.Value, time, wall, circuit);
            },
            StringComparer.OrdinalIgnoreCase);
    }

    public CarrierPipelines For(ICarrier carrier) => _byCarrier[carrier.Name];

    public static TimeSpan Remaining(ResilienceContext context, WallClock wall) =>
        context.Properties.TryGetValue(Deadline, out var deadline) ? deadline - wall.GetUtcNow() : TimeSpan.MaxValue;

    private static CarrierPipelines Build(CarrierResilienceOptions options, TimeProvider time, WallClock wall, CarrierCircuitReport circuit)
    {
        // Waiting (timeouts, backoff) is real waiting on the system clock; the breaker's windows run
        // on the gateway's clock, the one decisions use, as the lender's breaker does.
        var timeout = new ResiliencePipelineBuilder<CarrierResult> { TimeProvider = wall.Time }
            .AddTimeout(new TimeoutStrategyOptions
            {
                // Never zero or less: Polly reads that as "no timeout", the opposite of a deadline that has passed.
                TimeoutGenerator = args => ValueTask.FromResult(Min(options.AttemptTimeout, Max(Remaining(args.Context, wall), TimeSpan.FromMilliseconds(1)))),
            })
            .Build();
        var breaker = new ResiliencePipelineBuilder<CarrierResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<CarrierResult>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,

                // A carrier that refuses one message (a bad number, a full throttle) is healthy; one
                // that cannot be reached, fails with a 5xx or goes quiet is not.
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: OperationCanceledException } => false,
                    { Exception: not null } => true,
                    { Result: { Outcome: CarrierOutcome.Ambiguous } } => true,
                    { Result: { Outcome: CarrierOutcome.Rejected, Retryable: true } } => true,
                    _ => false,
                }),
                OnOpened = args => circuit.Opened(args.BreakDuration),
                OnHalfOpened = _ => circuit.HalfOpened(),
                OnClosed = _ => circuit.Closed(),
            })
            .Build();
        var outer = new ResiliencePipelineBuilder<CarrierResult> { TimeProvider = wall.Time }
            .AddRetry(new RetryStrategyOptions<CarrierResult>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetries > 0
                    && args.Outcome.Result is { Retryable: true } result
                    && Remaining(args.Context, wall) > (result.RetryAfter ?? options.BaseDelay) + MinimumAttempt),
                DelayGenerator = args =>
                {
                    // The carrier's Retry-After wins; otherwise exponential backoff with full jitter
                    // around it, so instances that failed together do not retry together.
                    var wanted = args.Outcome.Result?.RetryAfter
                        ?? TimeSpan.FromMilliseconds(options.BaseDelay.TotalMilliseconds * Math.Pow(2, args.AttemptNumber) * (0.5 + Random.Shared.NextDouble()));
                    var room = Remaining(args.Context, wall) - MinimumAttempt;
                    return ValueTask.FromResult<TimeSpan?>(Min(wanted, room < TimeSpan.Zero ? TimeSpan.Zero : room));
                },
            })
            .AddPipeline(breaker)
            .Build();
        return new CarrierPipelines(outer, timeout);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
