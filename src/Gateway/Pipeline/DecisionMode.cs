namespace Gateway.Pipeline;

/// <summary>Whether a decision may reserve, send and record (<see cref="Send"/>) or only evaluate (<see cref="DryRun"/>).</summary>
internal enum DecisionMode
{
    Send,
    DryRun,
}
