using System.Text.Json;
using Gateway.Sandbox.Lender;

namespace Gateway.Tests.SandboxSeed;

/// <summary>
/// The shipped sandbox seed tells the same stories whatever day `make demo` runs: its dates are
/// durations from the sandbox's start, so D-1001's number is never old enough for the 60-day
/// stale-number rule, and D-1002 always repaid the day before.
/// </summary>
public sealed class LenderSeedTests
{
    private static readonly string ShippedSeed = Path.Combine(AppContext.BaseDirectory, "sandbox", "lender-seed.json");

    [Theory]
    [InlineData("2026-11-23T10:00:00Z")]
    [InlineData("2031-06-01T23:30:00Z")]
    public void ShippedSeed_DatesFollowTheSandboxStart(string startText)
    {
        var start = DateTimeOffset.Parse(startText, System.Globalization.CultureInfo.InvariantCulture);

        var seed = LenderSeed.Load(ShippedSeed, start);

        var avery = seed.Contacts.Single(c => c.DebtorId == "D-1001" && c.Channel == "sms");
        Assert.Equal(start.AddDays(-13), avery.LastInboundContactTime);
        Assert.True(start - avery.LastInboundContactTime!.Value < TimeSpan.FromDays(60), "D-1001's number must stay fresh under the US preset's contactReverifyAfter");
        Assert.Equal(DateOnly.FromDateTime(start.AddDays(-22).UtcDateTime), seed.Debts.Single(d => d.DebtorId == "D-1001").DueDate);
        Assert.Equal(start.AddDays(-1), seed.Debts.Single(d => d.DebtorId == "D-1002").LastPaymentTime);
    }

    [Fact]
    public void Seed_AbsoluteDatesAndInstants_AreReadAsWritten()
    {
        var path = WriteSeed("""{ "debts": [ { "debtorId": "D-1", "debtId": "L-1", "status": "overdue", "dueDate": "2026-11-01", "lastPaymentTime": "2026-11-20T15:04:00Z" } ] }""");

        var debt = LenderSeed.Load(path, DateTimeOffset.UnixEpoch).Debts.Single();

        Assert.Equal(new DateOnly(2026, 11, 1), debt.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 4, 0, TimeSpan.Zero), debt.LastPaymentTime);
    }

    [Theory]
    [InlineData("\"dueDate\": \"-P2X\"", "-P2X")]
    [InlineData("\"lastPaymentTime\": \"yesterday\"", "yesterday")]
    public void Seed_MalformedDateOrDuration_IsRefusedNamingTheValue(string member, string value)
    {
        var path = WriteSeed($$"""{ "debts": [ { "debtorId": "D-1", "debtId": "L-1", "status": "overdue", {{member}} } ] }""");

        var error = Assert.ThrowsAny<JsonException>(() => LenderSeed.Load(path, DateTimeOffset.UnixEpoch));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static string WriteSeed(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
