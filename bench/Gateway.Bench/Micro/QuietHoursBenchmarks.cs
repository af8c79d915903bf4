using BenchmarkDotNet.Attributes;
using Gateway.Guards.QuietHours;
using Gateway.Rules;

namespace Gateway.Bench.Micro;

/// <summary>Step 2, quiet hours: the calendar in one zone and in several, inside hours and at night (the next allowed instant), and the whole guard.</summary>
[Config(typeof(MicroConfig))]
public class QuietHoursBenchmarks
{
    private static readonly DateTimeOffset Night = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
    private IReadOnlyList<ContactWindow> _windows = [];
    private IReadOnlyList<TimeZoneInfo> _zones = [];
    private Gateway.Decisions.DecisionContext _context = null!;
    private readonly QuietHoursGuard _guard = new();

    /// <summary>One zone from the request, or the US fallback zones (seven) when nothing says where the recipient is.</summary>
    [Params("America/New_York", "Asia/Kolkata", "US fallback (7 zones)")]
    public string Zones { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var jurisdiction = MicroFixture.Rules.JurisdictionFor(MicroFixture.TenantId);
        _windows = jurisdiction.ContactHours;
        _zones = Zones.StartsWith("US", StringComparison.Ordinal) ? jurisdiction.FallbackTimeZones : [TimeZoneInfo.FindSystemTimeZoneById(Zones)];
        _context = MicroFixture.Context(MicroFixture.Sms(Zones.StartsWith("US", StringComparison.Ordinal) ? null : Zones));
    }

    [Benchmark]
    public bool IsAllowed_Daytime() => ContactHoursCalendar.IsAllowed(MicroFixture.Daytime, _windows, _zones);

    [Benchmark]
    public DateTimeOffset? NextAllowed_AtNight() => ContactHoursCalendar.NextAllowed(Night, _windows, _zones);

    [Benchmark]
    public string Guard_Evaluate() => _guard.Evaluate(_context).Detail;
}
