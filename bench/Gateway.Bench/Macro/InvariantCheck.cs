namespace Gateway.Bench.Macro;

/// <summary>One invariant checked after the run, and what was found.</summary>
internal sealed record InvariantCheck(string Name, bool Held, string Detail);
