using Gateway.Rules;

namespace Gateway.Decisions;

/// <summary>
/// Everything one decision reads, fixed when the request arrives (the rule set snapshot, the
/// jurisdiction, the instant, the caller's deadline), and what its steps learn on the way (the
/// reservation, the lender's figures, the template that goes, the carrier). Guards read it; steps
/// append verdicts; only the record step reads <see cref="Phase"/> to settle the reservation.
/// </summary>
internal sealed class DecisionContext(Tenant tenant, ReminderRequest request, RuleSet rules, DateTimeOffset now, DecisionMode mode, string reminderId, DateTimeOffset deadline, bool releasing = false, string? approvedBy = null)
{
    private readonly List<GuardVerdict> _verdicts = [];

    private IReadOnlyList<TimeZoneInfo>? _recipientZones;

    public Tenant Tenant { get; } = tenant;

    public ReminderRequest Request { get; } = request;

    public RuleSet Rules { get; } = rules;

    public JurisdictionRules Jurisdiction { get; } = rules.JurisdictionFor(tenant.Id);

    public DateTimeOffset Now { get; } = now;

    public DecisionMode Mode { get; } = mode;

    public string ReminderId { get; } = reminderId;

    /// <summary>The caller's deadline on the wall clock; every remote call of the decision ends by it.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>True when this decides a held reminder at its release instant (the whole pipeline runs again).</summary>
    public bool Releasing { get; } = releasing;

    /// <summary>The reviewer who approved this reminder, whose approval lets it past the review gate; null when none did.</summary>
    public string? ApprovedBy { get; } = approvedBy;

    public bool Approved => ApprovedBy is not null;

    public IReadOnlyList<GuardVerdict> Verdicts => _verdicts;

    /// <summary>How far the hold on the store has gone; set by the reserve and relay steps.</summary>
    public ReservationPhase Phase { get; set; }

    /// <summary>The caps whose slots this decision holds while <see cref="Phase"/> is <see cref="ReservationPhase.Reserved"/>.</summary>
    public IReadOnlyList<CapRule> ReservedCaps { get; set; } = [];

    /// <summary>The time zones the recipient may be in, computed once for every rule that reads local time.</summary>
    public IReadOnlyList<TimeZoneInfo> RecipientZones => _recipientZones ??= Decisions.RecipientZones.For(Request, Jurisdiction);

    /// <summary>The caps that apply to this request's channel in its jurisdiction.</summary>
    public IReadOnlyList<CapRule> Caps { get; } = rules.JurisdictionFor(tenant.Id).CapsFor(request.Channel).ToArray();

    /// <summary>A wall-clock timestamp (<see cref="TimeProvider.GetTimestamp"/>) of when the reservation was made.</summary>
    public long ReservedAt { get; set; }

    /// <summary>The template that goes: the request's, or its limited-content variant after the recheck.</summary>
    public MessageTemplate Template { get; set; } = request.Template;

    /// <summary>The lender's own figures from the recheck, which the message quotes.</summary>
    public RepaymentFacts? Facts { get; set; }

    /// <summary>The carrier that answered the relay.</summary>
    public CarrierReceipt? Carrier { get; set; }

    public GuardVerdict Add(GuardVerdict verdict)
    {
        _verdicts.Add(verdict);
        return verdict;
    }

    /// <summary>The same request decided afresh from the first step at <paramref name="instant"/>.</summary>
    public DecisionContext Restart(DateTimeOffset instant) =>
        new(Tenant, Request, Rules, instant, Mode, ReminderId, Deadline, Releasing, ApprovedBy);

    /// <summary>A fallback of this reminder on another channel, under the same reminder id and deadline.</summary>
    public DecisionContext ForFallback(ReminderRequest fallback, DateTimeOffset instant) =>
        new(Tenant, fallback, Rules, instant, Mode, ReminderId, Deadline);
}
