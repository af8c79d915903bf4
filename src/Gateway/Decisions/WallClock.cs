namespace Gateway.Decisions;

/// <summary>
/// The clock that deadlines, timeouts, leases measured here and delays run on. gRPC deadlines are
/// wall-clock instants on the wire, so they cannot be compared with the decision clock (the injected
/// <see cref="TimeProvider"/> that quiet hours and records read, which tests set to a fixed civil
/// instant). Both are injected, so both can be faked; only the composition root names the system's.
/// </summary>
internal sealed class WallClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset GetUtcNow() => Time.GetUtcNow();

    /// <summary>The time left until <paramref name="deadline"/>, never negative.</summary>
    public TimeSpan Until(DateTimeOffset deadline) =>
        deadline == DateTimeOffset.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromTicks(Math.Max(0, (deadline - Time.GetUtcNow()).Ticks));

    /// <summary>A gRPC deadline (UTC, <see cref="DateTime.MaxValue"/> for none) as an instant.</summary>
    public static DateTimeOffset FromGrpc(DateTime deadline) =>
        deadline == DateTime.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc));

    /// <summary>An instant as a gRPC deadline, for calls this decision makes.</summary>
    public static DateTime ToGrpc(DateTimeOffset deadline) =>
        deadline == DateTimeOffset.MaxValue ? DateTime.MaxValue : deadline.UtcDateTime;
}
