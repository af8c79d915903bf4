using Prometheus;

namespace Gateway.Observability;

/// <summary>
/// Every metric the gateway exports, in one place. Labels are bounded: tenant, channel, outcome,
/// reason, carrier, step: never a debtor, debt or contact point. Each instance has its own
/// registry so that several gateways in one process (tests, benchmarks) never share counts.
/// </summary>
internal sealed class GatewayMetrics
{
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    public GatewayMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);

        Decisions = factory.CreateCounter(
            "gateway_decisions_total",
            "Decisions made, by outcome and first reason (reason=\"none\" for SENT).",
            new CounterConfiguration { LabelNames = ["tenant", "channel", "outcome", "reason"] });
        DecisionDuration = factory.CreateHistogram(
            "gateway_decision_duration_seconds",
            "Time from request to decision, including the recheck and the relay.",
            new HistogramConfiguration { LabelNames = ["channel", "outcome"], Buckets = LatencyBuckets });
        RecheckDuration = factory.CreateHistogram(
            "gateway_recheck_duration_seconds",
            "Time spent in the last-second recheck against the lender (both calls, in parallel).",
            new HistogramConfiguration { LabelNames = ["tenant", "result"], Buckets = LatencyBuckets });
        RecheckCircuitState = factory.CreateGauge(
            "gateway_recheck_circuit_state",
            "State of the circuit breaker in front of each tenant's lender: 0 closed, 1 half-open, 2 open.",
            new GaugeConfiguration { LabelNames = ["tenant"] });
        CarrierRequests = factory.CreateCounter(
            "gateway_carrier_requests_total",
            "Requests to carriers, by carrier and result.",
            new CounterConfiguration { LabelNames = ["carrier", "status"] });
        CarrierDuration = factory.CreateHistogram(
            "gateway_carrier_duration_seconds",
            "Time of one request to a carrier (one attempt, after any wait for the sender's throughput slot), by carrier.",
            new HistogramConfiguration { LabelNames = ["carrier"], Buckets = LatencyBuckets });
        CarrierCircuitState = factory.CreateGauge(
            "gateway_carrier_circuit_state",
            "State of each carrier's circuit breaker: 0 closed, 1 half-open, 2 open.",
            new GaugeConfiguration { LabelNames = ["carrier"] });
        DeliveryStatus = factory.CreateCounter(
            "gateway_delivery_status_total",
            "Delivery reports received from carriers' status webhooks, by carrier and reported status.",
            new CounterConfiguration { LabelNames = ["carrier", "status"] });
        StoreFailures = factory.CreateCounter(
            "gateway_store_failures_total",
            "Store round trips that failed or timed out (the gateway failed closed).",
            new CounterConfiguration { LabelNames = ["operation"] });
        DeferredPending = factory.CreateGauge(
            "gateway_deferred_pending",
            "Reminders the gateway holds for later release, across all instances.");
        ReviewPending = factory.CreateGauge(
            "gateway_review_pending",
            "Reminders held for a person's review, across all instances.");
        DeferredOldestDueAge = factory.CreateGauge(
            "gateway_deferred_oldest_due_age_seconds",
            "How long the oldest due held reminder has waited past its release instant (0 when none is overdue).");
        DeferredReleased = factory.CreateCounter(
            "gateway_deferred_released_total",
            "Held reminders decided at their release, by outcome (or expired, gone).",
            new CounterConfiguration { LabelNames = ["outcome"] });
        UnwrittenRecords = factory.CreateGauge(
            "gateway_unwritten_records",
            "Decisions whose record the store did not take when made, being retried in the background on this instance.");
        UnwrittenRecordsSettled = factory.CreateCounter(
            "gateway_unwritten_records_settled_total",
            "Unwritten records that left the retry: written, abandoned (time up or stopping) or dropped (too many waiting).",
            new CounterConfiguration { LabelNames = ["result"] });
        RecentRequestsLogged = factory.CreateCounter(
            "gateway_recent_requests_logged_total",
            "Decided requests written to the recent-decisions log (replayed by ValidateRuleSet).");
        RecentRequestsDropped = factory.CreateCounter(
            "gateway_recent_requests_dropped_total",
            "Decided requests the recent-decisions log dropped (best effort), by reason: queue_full, store_unavailable, error.",
            new CounterConfiguration { LabelNames = ["reason"] });
        RuleSetVersion = factory.CreateGauge(
            "gateway_rule_set_version",
            "Version of the rule set in force.");
    }

    public CollectorRegistry Registry { get; }

    public Counter Decisions { get; }

    public Histogram DecisionDuration { get; }

    public Histogram RecheckDuration { get; }

    public Gauge RecheckCircuitState { get; }

    public Counter CarrierRequests { get; }

    public Histogram CarrierDuration { get; }

    public Gauge CarrierCircuitState { get; }

    public Counter DeliveryStatus { get; }

    public Counter StoreFailures { get; }

    public Gauge RuleSetVersion { get; }

    public Gauge DeferredPending { get; }

    public Gauge DeferredOldestDueAge { get; }

    public Gauge ReviewPending { get; }

    public Counter DeferredReleased { get; }

    public Gauge UnwrittenRecords { get; }

    public Counter UnwrittenRecordsSettled { get; }

    public Counter RecentRequestsLogged { get; }

    public Counter RecentRequestsDropped { get; }
}
