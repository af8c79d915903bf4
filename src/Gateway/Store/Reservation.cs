using Gateway.V1;

namespace Gateway.Store;

/// <summary>The answer of the check-and-reserve round trip.</summary>
internal sealed record Reservation(ReservationStatus Status, IReadOnlyList<CapCount> Caps, string? ExistingReminderId = null, Decision? ExistingDecision = null);
