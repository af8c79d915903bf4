using System.Collections.Immutable;

namespace Gateway.Rules;

/// <summary>A weekly window of allowed local contact time: on each of <see cref="Days"/>, from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
internal sealed record ContactWindow(ImmutableArray<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool Contains(DateTime localTime) =>
        Days.Contains(localTime.DayOfWeek) && TimeOnly.FromDateTime(localTime) is var time && time >= From && time < To;
}
