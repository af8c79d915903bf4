using Gateway.V1;

namespace Gateway.Recent;

/// <summary>
/// One entry read back from the recent-decisions log: the decision recorded then and the request
/// it decided; or, when the request can no longer be read, <see cref="Problem"/> says why.
/// </summary>
internal sealed record RecentRequest(RecordedDecision Recorded, Reminder? Request, string? Problem);
