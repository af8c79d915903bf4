using Gateway.V1;

namespace Gateway.Deferral;

/// <summary>A reminder the gateway holds, as the release worker reads it back.</summary>
internal sealed record HeldReminder(string TenantId, string DebtorId, string ReminderId, string State, Reminder Request, DateTimeOffset Due, DateTimeOffset ValidUntil)
{
    /// <summary>Whether it may still be released: held, or a release that an instance began and did not finish.</summary>
    public bool Releasable => State is "held" or "releasing";
}
