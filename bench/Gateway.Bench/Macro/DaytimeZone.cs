namespace Gateway.Bench.Macro;

/// <summary>
/// The gateway in the child process runs on the real clock, and the US preset allows contact from
/// 08:00 to 21:00 in the recipient's zone. Every reminder names a zone where it is daytime now
/// with hours to spare, so no request of the run meets quiet hours.
/// </summary>
internal static class DaytimeZone
{
    private static readonly string[] Candidates = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland", "Asia/Tokyo", "Asia/Kolkata", "Europe/London"];

    public static string Pick(DateTimeOffset now)
    {
        foreach (var id in Candidates)
        {
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(id));
            if (local.Hour is >= 9 and < 18)
            {
                return id;
            }
        }

        throw new InvalidOperationException("No candidate zone is between 09:00 and 18:00 now.");
    }
}
