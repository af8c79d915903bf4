using Gateway.Requests;
using Gateway.Rules;
using Gateway.Tenancy;

namespace Gateway.Pipeline;

/// <summary>
/// Everything one decision reads, fixed when the request arrives: the rule set snapshot, the
/// jurisdiction and the instant. Guards read it; only the pipeline appends verdicts.
/// </summary>
internal sealed class DecisionContext(Tenant tenant, ReminderRequest request, RuleSet rules, DateTimeOffset now, DecisionMode mode, string reminderId, bool releasing = false, bool approved = false)
{
    private readonly List<GuardVerdict> _verdicts = [];

    public Tenant Tenant { get; } = tenant;

    public ReminderRequest Request { get; } = request;

    public RuleSet Rules { get; } = rules;

    public JurisdictionRules Jurisdiction { get; } = rules.JurisdictionFor(tenant.Id);

    public DateTimeOffset Now { get; } = now;

    public DecisionMode Mode { get; } = mode;

    public string ReminderId { get; } = reminderId;

    /// <summary>True when this decides a held reminder at its release instant (the whole pipeline runs again).</summary>
    public bool Releasing { get; } = releasing;

    /// <summary>True when a reviewer approved this reminder: the review gate lets it through.</summary>
    public bool Approved { get; } = approved;

    public IReadOnlyList<GuardVerdict> Verdicts => _verdicts;

    public GuardVerdict Add(GuardVerdict verdict)
    {
        _verdicts.Add(verdict);
        return verdict;
    }
}
