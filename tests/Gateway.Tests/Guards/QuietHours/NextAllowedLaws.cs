namespace Gateway.Tests.Guards.QuietHours;

/// <summary>
/// The laws every "next allowed instant" answer obeys, checked against a test's own reading of
/// what is admitted: the answer is admitted and starts its stretch, and no minute before it is
/// admitted (scanned minute by minute, at most three days).
/// </summary>
internal static class NextAllowedLaws
{
    private static readonly TimeSpan ScanLimit = TimeSpan.FromDays(3);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    /// <summary>When <paramref name="next"/> was found: not before <paramref name="start"/>, admitted, and admitted no second earlier.</summary>
    public static void FoundIsTheStartOfAnAdmittedStretch(DateTimeOffset start, DateTimeOffset? next, Func<DateTimeOffset, bool> admitted)
    {
        if (next is not { } found)
        {
            return;
        }

        Assert.True(found >= start, $"{found:O} is before {start:O}");
        Assert.True(admitted(found), $"{found:O} is not admitted (outside a window in some zone, or on a no-contact date)");
        if (found > start)
        {
            Assert.False(admitted(found.AddSeconds(-1)), $"{found.AddSeconds(-1):O} is admitted already, so {found:O} is not the first admitted instant");
        }
    }

    /// <summary>No minute from <paramref name="start"/> up to the answer (or three days, when it is further or none) is admitted.</summary>
    public static void NothingAdmittedBefore(DateTimeOffset start, DateTimeOffset? next, Func<DateTimeOffset, bool> admitted)
    {
        var end = next is { } found && found - start <= ScanLimit ? found : start + ScanLimit;
        for (var at = start; at < end; at += Step)
        {
            Assert.False(admitted(at), $"{at:O} is admitted, but the answer was {(next is null ? "none" : next.Value.ToString("O"))}");
        }
    }
}
