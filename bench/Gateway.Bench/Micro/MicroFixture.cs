using Gateway.Decisions;
using Gateway.Requests;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Bench.Micro;

/// <summary>The shipped US preset and one valid SMS reminder, validated, as the hot steps see them.</summary>
internal static class MicroFixture
{
    public const string TenantId = "bench";

    public static readonly RuleSet Rules = RuleSetLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "rules", "us-regf.json"));

    public static readonly Tenant Tenant = new(TenantId, "Acme Lending", new Uri("http://127.0.0.1:1"));

    /// <summary>A Monday, 15:00 in Washington, D.C.: inside US contact hours.</summary>
    public static readonly DateTimeOffset Daytime = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    public static Reminder Sms(string? zone = null) => new()
    {
        IdempotencyKey = "bench-micro-0001",
        DebtorId = "B-000001",
        DebtId = "BL-000001",
        Purpose = Purpose.OverdueNotice,
        Channel = Channel.Sms,
        ContactPoint = "+12025550111",
        TemplateId = "overdue-sms",
        Locale = "en-US",
        TemplateParameters = { ["first_name"] = "Avery" },
        RecipientTimeZone = zone ?? string.Empty,
    };

    public static DecisionContext Context(Reminder reminder)
    {
        var validation = new ReminderValidator(TimeProvider.System).Validate(reminder, Rules, TenantId);
        return new DecisionContext(Tenant, validation.Request ?? throw new InvalidOperationException("the fixture reminder is invalid"), Rules, Daytime, DecisionMode.DryRun, string.Empty, DateTimeOffset.MaxValue);
    }
}
