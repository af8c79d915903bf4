namespace Gateway.Bench.Macro;

/// <summary>One target of issue 9, the figure measured against it, and whether it was met.</summary>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
