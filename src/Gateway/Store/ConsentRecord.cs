using Gateway.V1;

namespace Gateway.Store;

/// <summary>The consent state of one debtor, channel and contact point, and when it was recorded.</summary>
internal sealed record ConsentRecord(ConsentState State, DateTimeOffset? RecordedAt);
