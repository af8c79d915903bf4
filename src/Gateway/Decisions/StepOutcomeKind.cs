namespace Gateway.Decisions;

/// <summary>What the pipeline does after a step.</summary>
internal enum StepOutcomeKind
{
    /// <summary>Run the next step.</summary>
    Continue,

    /// <summary>The decision is made: build it from the verdicts with <see cref="StepOutcome.Outcome"/> and record it.</summary>
    Decide,

    /// <summary>Answer <see cref="StepOutcome.Answer"/> as it is, recording nothing (a replay, or what was recorded before).</summary>
    Answer,

    /// <summary>A guardrail could not be evaluated: release what is held, then defer if the request allows it, else UNAVAILABLE.</summary>
    FailClosed,

    /// <summary>The request's key came free while this waited on it: decide it again from the start, at the current instant.</summary>
    DecideAgain,

    /// <summary>No carrier of the channel took it and the caller named another channel: decide the fallback.</summary>
    FallBack,
}
