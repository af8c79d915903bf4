using Gateway.Channels;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Pipeline;

/// <summary>Builds the decision a caller receives and the record keeps, from the verdicts gathered so far.</summary>
internal static class DecisionFactory
{
    public static Decision Create(DecisionContext context, Outcome outcome, CarrierResult? carrier = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var decision = new Decision
        {
            ReminderId = context.ReminderId,
            IdempotencyKey = request.IdempotencyKey,
            Outcome = outcome,
            RuleSetVersion = context.Rules.Version,
            DecidedAt = Timestamp.FromDateTimeOffset(context.Now),
            Channel = request.Channel,
            DebtorId = request.DebtorId,
            DebtId = request.DebtId,
            Carrier = carrier?.Carrier ?? string.Empty,
            CarrierMessageId = carrier?.MessageId ?? string.Empty,
        };

        decision.Verdicts.AddRange(context.Verdicts.Select(verdict => verdict.ToProto()));
        if (outcome != Outcome.Sent)
        {
            decision.Reasons.AddRange(context.Verdicts.Where(v => !v.Passed && v.Reason != ReasonCode.Unspecified).Select(v => v.Reason).Distinct());
            // A review has no instant it may go at: it waits for a person (its verdict says MaxValue).
            var notBefore = context.Verdicts.Where(v => !v.Passed && v.NotBefore != DateTimeOffset.MaxValue).Select(v => v.NotBefore).Max();
            if (notBefore is { } instant)
            {
                decision.NotBefore = Timestamp.FromDateTimeOffset(instant);
            }
        }

        return decision;
    }

    /// <summary>The outcome the verdicts so far call for, or null while every one passed.</summary>
    public static Outcome? OutcomeOf(IEnumerable<GuardVerdict> verdicts)
    {
        var list = verdicts as IReadOnlyCollection<GuardVerdict> ?? verdicts.ToList();
        if (list.Any(v => v.Verdict == Verdict.Suppress))
        {
            return Outcome.Suppressed;
        }

        return list.Any(v => v.Verdict == Verdict.Defer) ? Outcome.Deferred : null;
    }
}
