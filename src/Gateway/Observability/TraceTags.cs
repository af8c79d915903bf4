namespace Gateway.Observability;

/// <summary>
/// The attribute keys of the gateway's spans. Only what describes the decision and never whom it
/// concerns: no contact point, name, debtor, debt or message text is ever a tag value, because
/// traces leave the gateway for a collector that is not bound by the record's retention.
/// </summary>
internal static class TraceTags
{
    public const string Tenant = "gateway.tenant.id";

    public const string Channel = "gateway.channel";

    public const string Mode = "gateway.decision.mode";

    public const string Outcome = "gateway.outcome";

    public const string Reason = "gateway.reason";

    public const string Replayed = "gateway.replayed";

    public const string RuleSetVersion = "gateway.rule_set.version";

    public const string Step = "gateway.step.name";

    public const string StepOutcome = "gateway.step.outcome";

    public const string Valid = "gateway.validation.valid";

    public const string Violations = "gateway.validation.violations";
}
