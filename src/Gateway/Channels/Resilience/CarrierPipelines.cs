using Polly;

namespace Gateway.Channels.Resilience;

/// <summary>
/// One carrier's resilience, in two parts so the throughput wait can sit between them: the outer
/// part (retry, then circuit breaker) runs around each attempt; the attempt part (its timeout)
/// runs around the request alone, after the sender's slot has come.
/// </summary>
internal sealed record CarrierPipelines(ResiliencePipeline<CarrierResult> Outer, ResiliencePipeline<CarrierResult> Attempt);
