using Gateway.Decisions;
using Gateway.Requests;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// Decision contexts as the pipeline builds them (the reminder validated against the rule set,
/// then fixed at an instant), for testing one step alone without a host or a store.
/// </summary>
internal static class TestDecisionContexts
{
    public static RuleSet UsPreset { get; } = RuleSetLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "rules", "us-regf.json"));

    public static Tenant Tenant(string? id = null) => new(id ?? "t-" + Guid.NewGuid().ToString("N")[..12], "Acme Lending", new Uri("http://127.0.0.1:1"));

    /// <summary>
    /// <paramref name="reminder"/> validated against <paramref name="rules"/> (the US preset by
    /// default) and decided at <paramref name="at"/> (the clock's instant by default).
    /// </summary>
    public static DecisionContext For(
        Reminder reminder,
        TimeProvider clock,
        Tenant? tenant = null,
        RuleSet? rules = null,
        DecisionMode mode = DecisionMode.Send,
        DateTimeOffset? at = null,
        DateTimeOffset? deadline = null,
        string? approvedBy = null)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(clock);
        rules ??= UsPreset;
        tenant ??= Tenant();
        var validation = new ReminderValidator(clock).Validate(reminder, rules, tenant.Id);
        Assert.True(validation.IsValid, string.Join("; ", validation.Violations));
        var reminderId = mode == DecisionMode.Send ? ReminderIds.New(clock) : string.Empty;
        return new DecisionContext(tenant, validation.Request!, rules, at ?? clock.GetUtcNow(), mode, reminderId, deadline ?? DateTimeOffset.MaxValue, approvedBy: approvedBy);
    }
}
