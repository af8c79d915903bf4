namespace Gateway.Tests.Deploy;

/// <summary>A zone where it is working hours now, for gateway processes that run on the real clock.</summary>
internal static class DaytimeZone
{
    private static readonly string[] Candidates = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"];

    public static string Now()
    {
        var now = TimeProvider.System.GetUtcNow();
        return Candidates.First(id => TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(id)).Hour is >= 10 and < 18);
    }
}
