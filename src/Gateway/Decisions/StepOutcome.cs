using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>A step's result: an outcome, not a flag or an exception (Polly's shape).</summary>
internal sealed record StepOutcome
{
    public static readonly StepOutcome Continue = new() { Kind = StepOutcomeKind.Continue };

    public static readonly StepOutcome DecideAgain = new() { Kind = StepOutcomeKind.DecideAgain };

    public static readonly StepOutcome FallBack = new() { Kind = StepOutcomeKind.FallBack };

    public required StepOutcomeKind Kind { get; init; }

    /// <summary>With <see cref="StepOutcomeKind.Decide"/>: the outcome.</summary>
    public Outcome Outcome { get; init; }

    /// <summary>With <see cref="StepOutcomeKind.Answer"/>: the decision to answer.</summary>
    public Decision? Answer { get; init; }

    /// <summary>With <see cref="StepOutcomeKind.FailClosed"/>: why, when to retry, and what the caller is told.</summary>
    public ReasonCode Reason { get; init; }

    public TimeSpan RetryAfter { get; init; }

    public string Message { get; init; } = string.Empty;

    /// <summary>With <see cref="StepOutcomeKind.FailClosed"/>: false when the store itself is what failed, so nothing can be recorded or held.</summary>
    public bool Recordable { get; init; } = true;

    public static StepOutcome Decide(Outcome outcome) => new() { Kind = StepOutcomeKind.Decide, Outcome = outcome };

    public static StepOutcome Answered(Decision decision) => new() { Kind = StepOutcomeKind.Answer, Answer = decision };

    public static StepOutcome FailClosed(ReasonCode reason, TimeSpan retryAfter, string message, bool recordable = true) =>
        new() { Kind = StepOutcomeKind.FailClosed, Reason = reason, RetryAfter = retryAfter, Message = message, Recordable = recordable };
}
