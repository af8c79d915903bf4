namespace Gateway.RuleSets.Versions;

/// <summary>
/// The answer of the store to an append: <see cref="Stored"/> with the version it assigned, or
/// refused with the latest version it holds (<see cref="CreatedAt"/> is then the time of the attempt) (the writer's expectation was stale).
/// </summary>
internal readonly record struct AppendResult(bool Stored, long Version, DateTimeOffset CreatedAt);
