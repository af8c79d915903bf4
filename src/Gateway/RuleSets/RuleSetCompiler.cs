using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.RuleSets;

/// <summary>
/// Turns a <see cref="RuleSetDocument"/> into a <see cref="RuleSet"/>, or names every problem
/// with its path. It never stops at the first problem: compliance staff fix a file in one pass.
/// </summary>
internal static partial class RuleSetCompiler
{
    private const string IdPattern = @"\A[a-z0-9][a-z0-9._-]{0,63}\z";
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);
    private static readonly Regex Placeholder = new(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.Compiled | RegexOptions.CultureInvariant, PatternTimeout);

    public static RuleSet Compile(RuleSetDocument document, string source)
    {
        var problems = new List<RuleProblem>();
        var ruleSet = TryCompile(document, problems);
        return problems.Count == 0 && ruleSet is not null ? ruleSet : throw new RuleSetInvalidException(source, problems);
    }

    public static RuleSet? TryCompile(RuleSetDocument document, List<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(problems);

        ReportUnknown(document.Unknown, "$", problems);
        if (document.Version is not > 0)
        {
            problems.Add(new("$.version", "must be a positive integer"));
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            problems.Add(new("$.name", "is required"));
        }

        var calendars = CompileCalendars(document.Calendars, problems);
        var jurisdictions = new Dictionary<string, JurisdictionRules>(StringComparer.Ordinal);
        if (document.Jurisdictions is not { Count: > 0 })
        {
            problems.Add(new("$.jurisdictions", "at least one jurisdiction is required"));
        }
        else
        {
            foreach (var (code, jurisdiction) in document.Jurisdictions)
            {
                if (IsNull(jurisdiction, $"$.jurisdictions.{code}", problems))
                {
                    continue;
                }

                var compiled = CompileJurisdiction(code, jurisdiction, $"$.jurisdictions.{code}", calendars, problems);
                if (compiled is not null)
                {
                    jurisdictions[code] = compiled;
                }
            }
        }

        var defaultJurisdiction = document.DefaultJurisdiction ?? string.Empty;
        if (document.Jurisdictions is { Count: > 0 } && !document.Jurisdictions.ContainsKey(defaultJurisdiction))
        {
            problems.Add(new("$.defaultJurisdiction", $"'{defaultJurisdiction}' is not one of $.jurisdictions"));
        }

        var tenants = new Dictionary<string, string>(StringComparer.Ordinal);
        var tenantRules = new Dictionary<string, JurisdictionRules>(StringComparer.Ordinal);
        foreach (var (tenant, overrides) in document.Tenants ?? [])
        {
            if (IsNull(overrides, $"$.tenants.{tenant}", problems))
            {
                continue;
            }

            ReportUnknown(overrides.Unknown, $"$.tenants.{tenant}", problems);
            if (overrides.Jurisdiction is null || document.Jurisdictions?.ContainsKey(overrides.Jurisdiction) != true)
            {
                problems.Add(new($"$.tenants.{tenant}.jurisdiction", $"'{overrides.Jurisdiction}' is not one of $.jurisdictions"));
                continue;
            }

            tenants[tenant] = overrides.Jurisdiction;
            if (jurisdictions.TryGetValue(overrides.Jurisdiction, out var rules)
                && CompileTenant(overrides, rules, $"$.tenants.{tenant}", calendars, problems) is { } tightened)
            {
                tenantRules[tenant] = tightened;
            }
        }

        var purposeChannels = CompilePurposeChannels(document.PurposeChannels, problems);
        var templates = CompileTemplates(document.Templates, problems);
        var lexicon = CompileLexicon(document.BannedPhrases, problems);
        CheckTemplateRules(document.Templates, templates, jurisdictions.Values, problems);
        var effectiveFrom = ParseInstant(document.EffectiveFrom, "$.effectiveFrom", problems);

        if (problems.Count > 0)
        {
            return null;
        }

        return new RuleSet
        {
            Version = document.Version!.Value,
            Name = document.Name!,
            DefaultJurisdiction = defaultJurisdiction,
            Jurisdictions = jurisdictions.ToFrozenDictionary(StringComparer.Ordinal),
            TenantJurisdictions = tenants.ToFrozenDictionary(StringComparer.Ordinal),
            PurposeChannels = purposeChannels,
            Templates = templates,
            Lexicon = lexicon,
            TenantRules = tenantRules.ToFrozenDictionary(StringComparer.Ordinal),
            EffectiveFrom = effectiveFrom,
        };
    }

    private static JurisdictionRules? CompileJurisdiction(string code, JurisdictionDocument document, string path, IReadOnlyDictionary<string, ImmutableArray<DateOnly>> calendars, List<RuleProblem> problems)
    {
        var before = problems.Count;
        ReportUnknown(document.Unknown, path, problems);
        var windows = ImmutableArray.CreateBuilder<ContactWindow>();
        for (var i = 0; i < (document.ContactHours?.Count ?? 0); i++)
        {
            if (IsNull(document.ContactHours![i], $"{path}.contactHours[{i}]", problems))
            {
                continue;
            }

            var window = CompileWindow(document.ContactHours[i], $"{path}.contactHours[{i}]", problems);
            if (window is not null)
            {
                windows.Add(window);
            }
        }

        var zones = ImmutableArray.CreateBuilder<TimeZoneInfo>();
        if (document.FallbackTimeZones is not { Count: > 0 })
        {
            problems.Add(new($"{path}.fallbackTimeZones", "at least one IANA time zone is required"));
        }
        else
        {
            for (var i = 0; i < document.FallbackTimeZones.Count; i++)
            {
                if (TimeZoneInfo.TryFindSystemTimeZoneById(document.FallbackTimeZones[i], out var zone))
                {
                    zones.Add(zone);
                }
                else
                {
                    problems.Add(new($"{path}.fallbackTimeZones[{i}]", $"'{document.FallbackTimeZones[i]}' is not an IANA time zone"));
                }
            }
        }

        var caps = ImmutableArray.CreateBuilder<CapRule>();
        var capIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.Caps?.Count ?? 0); i++)
        {
            if (IsNull(document.Caps![i], $"{path}.caps[{i}]", problems))
            {
                continue;
            }

            var cap = CompileCap(document.Caps[i], $"{path}.caps[{i}]", problems);
            if (cap is not null && !capIds.Add(cap.Id))
            {
                problems.Add(new($"{path}.caps[{i}].id", $"'{cap.Id}' is used twice"));
            }
            else if (cap is not null)
            {
                caps.Add(cap);
            }
        }

        var consent = ParseChannels(document.ConsentRequiredChannels, $"{path}.consentRequiredChannels", problems);

        // Optional: a jurisdiction without the rule never asks how recently a number was used.
        var reverifyAfter = document.ContactReverifyAfter is null ? null : ParseDuration(document.ContactReverifyAfter, $"{path}.contactReverifyAfter", problems);
        var noContactDates = NoContactDates(document.NoContactCalendars, calendars, FrozenDictionary<DateOnly, string>.Empty, $"{path}.noContactCalendars", problems);
        var optOut = CompileOptOutText(document.RequireOptOutText, $"{path}.requireOptOutText", problems);
        if (document.MaxSmsSegments is < 1 or > 10)
        {
            problems.Add(new($"{path}.maxSmsSegments", "must be between 1 and 10"));
        }

        return problems.Count > before ? null : new JurisdictionRules
        {
            Code = code,
            ContactHours = windows.ToImmutable(),
            FallbackTimeZones = zones.ToImmutable(),
            Caps = caps.ToImmutable(),
            ConsentRequiredChannels = consent,
            ContactReverifyAfter = reverifyAfter,
            NoContactDates = noContactDates,
            OptOutPhrases = optOut,
            RequireLenderName = document.RequireLenderName ?? false,
            MaxSmsSegments = document.MaxSmsSegments,
        };
    }

    private static ContactWindow? CompileWindow(ContactWindowDocument document, string path, List<RuleProblem> problems)
    {
        var before = problems.Count;
        ReportUnknown(document.Unknown, path, problems);
        var days = ImmutableArray.CreateBuilder<DayOfWeek>();
        if (document.Days is not { Count: > 0 })
        {
            problems.Add(new($"{path}.days", "at least one day is required"));
        }
        else
        {
            for (var i = 0; i < document.Days.Count; i++)
            {
                if (ContactWindowText.ParseDay(document.Days[i]) is { } day)
                {
                    days.Add(day);
                }
                else
                {
                    problems.Add(new($"{path}.days[{i}]", $"'{document.Days[i]}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"));
                }
            }
        }

        var from = ParseTime(document.From, $"{path}.from", problems);
        var to = ParseTime(document.To, $"{path}.to", problems);
        if (from is not null && to is not null && from >= to)
        {
            problems.Add(new($"{path}.to", "must be later than from (a window may not cross midnight; split it in two)"));
        }

        return problems.Count > before ? null : new ContactWindow(days.ToImmutable(), from!.Value, to!.Value);
    }

    private static CapRule? CompileCap(CapDocument document, string path, List<RuleProblem> problems)
    {
        var before = problems.Count;
        ReportUnknown(document.Unknown, path, problems);
        if (document.Id is null || !Regex.IsMatch(document.Id, IdPattern, RegexOptions.None, PatternTimeout))
        {
            problems.Add(new($"{path}.id", $"is required and must match {IdPattern}"));
        }

        if (!Enum.TryParse<CapScope>(document.Scope, ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            problems.Add(new($"{path}.scope", $"'{document.Scope}' is not one of debtor, debt, contact"));
        }

        var channels = ParseChannels(document.Channels, $"{path}.channels", problems);

        TimeSpan window = default;
        var period = CapPeriod.Sliding;
        if (document.Period is not null && document.Window is not null)
        {
            problems.Add(new($"{path}.period", "set either window (a sliding window) or period (calendar_day), not both"));
        }
        else if (document.Period is not null)
        {
            if (document.Period == "calendar_day")
            {
                period = CapPeriod.CalendarDay;
            }
            else
            {
                problems.Add(new($"{path}.period", $"'{document.Period}' is not a period (calendar_day)"));
            }
        }
        else
        {
            window = ParseDuration(document.Window, $"{path}.window", problems) ?? default;
        }

        if (document.Limit is not > 0)
        {
            problems.Add(new($"{path}.limit", "must be a positive integer"));
        }

        var counts = document.Counts switch
        {
            null or "attempts" => CapCounts.Attempts,
            "conversations" => CapCounts.Conversations,
            _ => (CapCounts?)null,
        };
        if (counts is null)
        {
            problems.Add(new($"{path}.counts", $"'{document.Counts}' is not one of attempts, conversations"));
        }

        return problems.Count > before ? null : new CapRule(document.Id!, scope, channels, window, document.Limit!.Value, period, counts!.Value);
    }

    private static FrozenDictionary<Purpose, ImmutableArray<Channel>> CompilePurposeChannels(Dictionary<string, List<string>>? document, List<RuleProblem> problems)
    {
        var result = new Dictionary<Purpose, ImmutableArray<Channel>>();
        if (document is not { Count: > 0 })
        {
            problems.Add(new("$.purposeChannels", "at least one purpose is required"));
            return result.ToFrozenDictionary();
        }

        foreach (var (name, channels) in document)
        {
            if (IsNull(channels, $"$.purposeChannels.{name}", problems))
            {
                continue;
            }

            if (!RuleNames.TryParse<Purpose>(name, out var purpose))
            {
                problems.Add(new($"$.purposeChannels.{name}", $"'{name}' is not a purpose"));
                continue;
            }

            result[purpose] = ParseChannels(channels, $"$.purposeChannels.{name}", problems);
        }

        return result.ToFrozenDictionary();
    }

    private static TemplateCatalog CompileTemplates(List<TemplateDocument>? documents, List<RuleProblem> problems)
    {
        var templates = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal);
        if (documents is not { Count: > 0 })
        {
            problems.Add(new("$.templates", "at least one template is required"));
        }

        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var path = $"$.templates[{i}]";
            if (IsNull(documents![i], path, problems))
            {
                continue;
            }

            var document = documents[i];
            var before = problems.Count;
            ReportUnknown(document.Unknown, path, problems);
            if (document.Id is null || !Regex.IsMatch(document.Id, IdPattern, RegexOptions.None, PatternTimeout))
            {
                problems.Add(new($"{path}.id", $"is required and must match {IdPattern}"));
            }
            else if (templates.ContainsKey(document.Id))
            {
                problems.Add(new($"{path}.id", $"'{document.Id}' is used twice"));
            }

            if (!RuleNames.TryParse<Purpose>(document.Purpose, out var purpose))
            {
                problems.Add(new($"{path}.purpose", $"'{document.Purpose}' is not a purpose"));
            }

            if (!RuleNames.TryParse<Channel>(document.Channel, out var channel))
            {
                problems.Add(new($"{path}.channel", $"'{document.Channel}' is not a channel"));
            }

            if (string.IsNullOrWhiteSpace(document.Locale) || !IsCulture(document.Locale))
            {
                problems.Add(new($"{path}.locale", $"'{document.Locale}' is not a BCP 47 locale"));
            }

            if (string.IsNullOrWhiteSpace(document.Body))
            {
                problems.Add(new($"{path}.body", "is required"));
            }

            var parameters = new Dictionary<string, TemplateParameter>(StringComparer.Ordinal);
            foreach (var (name, parameter) in document.Parameters ?? [])
            {
                if (IsNull(parameter, $"{path}.parameters.{name}", problems))
                {
                    continue;
                }

                if (SystemPlaceholders.All.Contains(name))
                {
                    problems.Add(new($"{path}.parameters.{name}", "is filled by the gateway from the lender's recheck; a caller may not supply it"));
                    continue;
                }

                ReportUnknown(parameter?.Unknown, $"{path}.parameters.{name}", problems);

                // Interpolated into the anchors, a missing pattern would become "^(?:)$": a parameter
                // that silently accepts only the empty string. It must be named instead.
                if (string.IsNullOrEmpty(parameter?.Pattern))
                {
                    problems.Add(new($"{path}.parameters.{name}.pattern", "is required: every caller value must match a pattern"));
                    continue;
                }

                if (ParameterPatterns.Compile(parameter.Pattern, PatternTimeout, out var refusal) is { } pattern)
                {
                    parameters[name] = new TemplateParameter(name, pattern, parameter.Required);
                }
                else
                {
                    problems.Add(new($"{path}.parameters.{name}.pattern", refusal!));
                }
            }

            foreach (var text in new[] { ("body", document.Body), ("subject", document.Subject) })
            {
                foreach (Match match in Placeholder.Matches(text.Item2 ?? string.Empty))
                {
                    var name = match.Groups[1].Value;
                    if (!SystemPlaceholders.All.Contains(name) && !parameters.ContainsKey(name) && document.Parameters?.ContainsKey(name) != true)
                    {
                        problems.Add(new($"{path}.{text.Item1}", $"placeholder {{{name}}} is neither a declared parameter nor one of {string.Join(", ", SystemPlaceholders.All)}"));
                    }
                }
            }

            if (problems.Count == before)
            {
                templates[document.Id!] = new MessageTemplate
                {
                    Id = document.Id!,
                    Purpose = purpose,
                    Channel = channel,
                    Locale = document.Locale!,
                    Subject = document.Subject,
                    Body = document.Body!,
                    Parameters = parameters.ToFrozenDictionary(StringComparer.Ordinal),
                    RequiresReview = document.RequiresReview,
                    LimitedContentVariant = document.LimitedContentVariant,
                };
            }
        }

        return new TemplateCatalog(templates.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void ReportUnknown(Dictionary<string, JsonElement>? unknown, string path, List<RuleProblem> problems)
    {
        foreach (var name in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add(new($"{path}.{name}", "is not a known member (misspelt?)"));
        }
    }

    /// <summary>A JSON null where an object belongs is a problem to name, not a crash.</summary>
    private static bool IsNull(object? value, string path, List<RuleProblem> problems)
    {
        if (value is not null)
        {
            return false;
        }

        problems.Add(new(path, "must not be null"));
        return true;
    }

    private static ImmutableArray<Channel> ParseChannels(List<string>? names, string path, List<RuleProblem> problems)
    {
        var channels = ImmutableArray.CreateBuilder<Channel>();
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (RuleNames.TryParse<Channel>(names![i], out var channel))
            {
                channels.Add(channel);
            }
            else
            {
                problems.Add(new($"{path}[{i}]", $"'{names[i]}' is not one of sms, voice, email, push"));
            }
        }

        return channels.ToImmutable();
    }

    private static TimeSpan? ParseDuration(string? text, string path, List<RuleProblem> problems)
    {
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(text ?? string.Empty);
        }
        catch (FormatException)
        {
            problems.Add(new(path, $"'{text}' is not an ISO 8601 duration such as PT24H or P7D"));
            return null;
        }

        if (duration <= TimeSpan.Zero)
        {
            problems.Add(new(path, "must be longer than zero"));
            return null;
        }

        return duration;
    }

    private static TimeOnly? ParseTime(string? text, string path, List<RuleProblem> problems)
    {
        var time = ContactWindowText.ParseTime(text);
        if (time is null)
        {
            problems.Add(new(path, $"'{text}' is not a time of day as HH:mm"));
        }

        return time;
    }

    private static bool IsCulture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
