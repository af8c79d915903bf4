using Gateway.V1;

namespace Gateway.Recent;

/// <summary>A decided request waiting in memory for the writer, as the pipeline handed it over.</summary>
internal sealed record RecentEntry(string TenantId, Reminder Request, Decision Decision);
