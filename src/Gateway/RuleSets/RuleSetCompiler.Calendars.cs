using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Gateway.RuleSets;

/// <summary>Named calendars of no-contact dates, the instants a version takes effect.</summary>
internal static partial class RuleSetCompiler
{
    private const string CalendarIdPattern = @"\A[a-z0-9][a-z0-9._-]{0,63}\z";

    private static Dictionary<string, ImmutableArray<DateOnly>> CompileCalendars(Dictionary<string, CalendarDocument>? documents, List<RuleProblem> problems)
    {
        var calendars = new Dictionary<string, ImmutableArray<DateOnly>>(StringComparer.Ordinal);
        foreach (var (name, document) in documents ?? [])
        {
            var path = $"$.calendars.{name}";
            if (IsNull(document, path, problems))
            {
                continue;
            }

            ReportUnknown(document.Unknown, path, problems);
            if (!System.Text.RegularExpressions.Regex.IsMatch(name, CalendarIdPattern, System.Text.RegularExpressions.RegexOptions.None, PatternTimeout))
            {
                problems.Add(new(path, $"the calendar name must match {CalendarIdPattern}"));
            }

            var dates = ImmutableArray.CreateBuilder<DateOnly>();
            if (document.Dates is not { Count: > 0 })
            {
                problems.Add(new($"{path}.dates", "at least one date is required"));
            }

            for (var i = 0; i < (document.Dates?.Count ?? 0); i++)
            {
                if (DateOnly.TryParseExact(document.Dates![i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    problems.Add(new($"{path}.dates[{i}]", $"'{document.Dates[i]}' is not a date as yyyy-MM-dd"));
                }
            }

            calendars[name] = dates.ToImmutable();
        }

        return calendars;
    }

    /// <summary>The dates of the named calendars, added to <paramref name="inherited"/>; each name must be one of $.calendars.</summary>
    private static FrozenDictionary<DateOnly, string> NoContactDates(List<string>? names, IReadOnlyDictionary<string, ImmutableArray<DateOnly>> calendars, IReadOnlyDictionary<DateOnly, string> inherited, string path, List<RuleProblem> problems)
    {
        var dates = new Dictionary<DateOnly, string>(inherited);
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (names![i] is not { } name || !calendars.TryGetValue(name, out var calendar))
            {
                problems.Add(new($"{path}[{i}]", $"'{names[i]}' is not one of $.calendars"));
                continue;
            }

            foreach (var date in calendar)
            {
                dates.TryAdd(date, name);
            }
        }

        return dates.ToFrozenDictionary();
    }

    private static DateTimeOffset? ParseInstant(string? text, string path, List<RuleProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        // An offset is required: "from 1 March" means nothing until it says in which zone.
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-'))
        {
            return instant;
        }

        problems.Add(new(path, $"'{text}' is not an ISO 8601 instant with an offset, such as 2026-03-01T00:00:00+08:00"));
        return null;
    }
}
