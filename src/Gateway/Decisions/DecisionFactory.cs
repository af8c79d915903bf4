using Gateway.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Decisions;

/// <summary>Builds the decision a caller receives and the record keeps, from the verdicts gathered so far.</summary>
internal static class DecisionFactory
{
    public static Decision Create(DecisionContext context, Outcome outcome)
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
            Carrier = context.Carrier?.Carrier ?? string.Empty,
            CarrierMessageId = context.Carrier?.MessageId ?? string.Empty,
        };

        foreach (var verdict in context.Verdicts)
        {
            decision.Verdicts.Add(verdict.ToProto());
        }

        if (outcome != Outcome.Sent)
        {
            DateTimeOffset? notBefore = null;
            foreach (var verdict in context.Verdicts)
            {
                if (verdict.Passed)
                {
                    continue;
                }

                if (verdict.Reason != ReasonCode.Unspecified && !decision.Reasons.Contains(verdict.Reason))
                {
                    decision.Reasons.Add(verdict.Reason);
                }

                // A review has no instant it may go at: it waits for a person (its verdict says MaxValue).
                if (verdict.NotBefore is { } instant && instant != DateTimeOffset.MaxValue && (notBefore is null || instant > notBefore))
                {
                    notBefore = instant;
                }
            }

            if (notBefore is { } first)
            {
                decision.NotBefore = Timestamp.FromDateTimeOffset(first);
            }
        }

        return decision;
    }

    /// <summary>The outcome the verdicts so far call for, or null while every one passed.</summary>
    public static Outcome? OutcomeOf(IReadOnlyList<GuardVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var deferred = false;
        foreach (var verdict in verdicts)
        {
            if (verdict.Verdict == Verdict.Suppress)
            {
                return Outcome.Suppressed;
            }

            deferred |= verdict.Verdict == Verdict.Defer;
        }

        return deferred ? Outcome.Deferred : null;
    }
}
