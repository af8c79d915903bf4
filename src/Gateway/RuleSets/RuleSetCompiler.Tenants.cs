using System.Collections.Frozen;
using System.Collections.Immutable;
using Gateway.Rules;

namespace Gateway.RuleSets;

/// <summary>
/// A tenant's overrides. A lender may tighten its jurisdiction, never loosen it: its contact
/// windows must each lie inside one of the jurisdiction's, its caps come on top of the
/// jurisdiction's, and its calendars add no-contact dates.
/// </summary>
internal static partial class RuleSetCompiler
{
    private static JurisdictionRules? CompileTenant(TenantDocument document, JurisdictionRules jurisdiction, string path, IReadOnlyDictionary<string, ImmutableArray<DateOnly>> calendars, List<RuleProblem> problems)
    {
        if (document.ContactHours is null && document.Caps is null && document.NoContactCalendars is null)
        {
            return null;
        }

        var before = problems.Count;
        var windows = jurisdiction.ContactHours;
        if (document.ContactHours is not null)
        {
            var narrowed = ImmutableArray.CreateBuilder<ContactWindow>();
            for (var i = 0; i < document.ContactHours.Count; i++)
            {
                var at = $"{path}.contactHours[{i}]";
                if (IsNull(document.ContactHours[i], at, problems) || CompileWindow(document.ContactHours[i], at, problems) is not { } window)
                {
                    continue;
                }

                if (!LiesInside(window, jurisdiction.ContactHours))
                {
                    problems.Add(new(at, $"must lie inside one of the contact windows of {jurisdiction.Code} on each of its days (a tenant may only narrow them)"));
                    continue;
                }

                narrowed.Add(window);
            }

            windows = narrowed.ToImmutable();
        }

        var caps = jurisdiction.Caps.ToBuilder();
        for (var i = 0; i < (document.Caps?.Count ?? 0); i++)
        {
            var at = $"{path}.caps[{i}]";
            if (IsNull(document.Caps![i], at, problems) || CompileCap(document.Caps[i], at, problems) is not { } cap)
            {
                continue;
            }

            if (caps.Any(existing => existing.Id == cap.Id))
            {
                problems.Add(new($"{at}.id", $"'{cap.Id}' is already a cap of {jurisdiction.Code} or of this tenant; a tenant adds caps under ids of its own"));
                continue;
            }

            caps.Add(cap);
        }

        var dates = NoContactDates(document.NoContactCalendars, calendars, jurisdiction.NoContactDates, $"{path}.noContactCalendars", problems);
        return problems.Count > before ? null : jurisdiction with { ContactHours = windows, Caps = caps.ToImmutable(), NoContactDates = dates };
    }

    /// <summary>Whether every day of <paramref name="window"/> is covered, from its start to its end, by one window of <paramref name="outer"/>. No fixed hours cover everything.</summary>
    private static bool LiesInside(ContactWindow window, ImmutableArray<ContactWindow> outer) =>
        outer.IsEmpty || window.Days.All(day => outer.Any(o => o.Days.Contains(day) && o.From <= window.From && window.To <= o.To));

    private static FrozenDictionary<V1.Channel, ImmutableArray<string>> CompileOptOutText(Dictionary<string, List<string>>? document, string path, List<RuleProblem> problems)
    {
        var result = new Dictionary<V1.Channel, ImmutableArray<string>>();
        foreach (var (name, phrases) in document ?? [])
        {
            if (!RuleNames.TryParse<V1.Channel>(name, out var channel))
            {
                problems.Add(new($"{path}.{name}", $"'{name}' is not one of sms, voice, email, push"));
                continue;
            }

            var normalized = (phrases ?? []).Select(phrase => Guards.Content.TextNormalizer.Normalize(phrase ?? string.Empty)).ToImmutableArray();
            if (normalized.IsEmpty || normalized.Any(phrase => phrase.Length == 0))
            {
                problems.Add(new($"{path}.{name}", "must list at least one phrase, none empty"));
                continue;
            }

            result[channel] = normalized;
        }

        return result.ToFrozenDictionary();
    }
}
