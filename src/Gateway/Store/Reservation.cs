using System.Collections.Immutable;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Store;

/// <summary>The answer of the check-and-reserve round trip.</summary>
internal sealed record Reservation(ReservationStatus Status, IReadOnlyList<CapCount> Caps, string? ExistingReminderId = null, Decision? ExistingDecision = null)
{
    /// <summary>True when the debtor stated preferences and this reminder meets them.</summary>
    public bool StatedPreferencesMet { get; init; }

    /// <summary>For <see cref="ReservationStatus.OutsideStatedHours"/>: the debtor's stated windows, read in the same round trip.</summary>
    public ImmutableArray<ContactWindow> StatedWindows { get; init; } = [];
}
