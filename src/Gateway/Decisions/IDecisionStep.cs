namespace Gateway.Decisions;

/// <summary>
/// One step of the decision pipeline. A step reads the context, appends its verdicts and returns
/// what the pipeline does next; it does not throw for a business refusal and does not record.
/// </summary>
internal interface IDecisionStep
{
    /// <summary>The step's name, stable: it names the step's span and appears in logs.</summary>
    string Name { get; }

    ValueTask<StepOutcome> RunAsync(DecisionContext context, CancellationToken cancellationToken);
}
