namespace Gateway.Channels;

/// <summary>
/// How long a push may wait for an offline device: until the reminder's own expiry when it has one,
/// else the carrier's default, never beyond the carrier's limit. A reminder already past its expiry
/// is not pushed at all: shown late, it could arrive outside contact hours or after the debt was paid.
/// </summary>
internal static class PushExpiry
{
    public static bool TryTimeToLive(DateTimeOffset? expiresAt, DateTimeOffset now, TimeSpan fallback, TimeSpan limit, out TimeSpan timeToLive)
    {
        timeToLive = expiresAt is { } at ? at - now : fallback;
        if (timeToLive <= TimeSpan.Zero)
        {
            return false;
        }

        timeToLive = TimeSpan.FromSeconds(Math.Floor(Math.Min(timeToLive.TotalSeconds, limit.TotalSeconds)));
        return true;
    }

    public static CarrierResult Expired(string carrier) => CarrierResult.Reject(carrier, $"{carrier}: the reminder expired before it could be pushed");
}
