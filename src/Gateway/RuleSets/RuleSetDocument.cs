using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.RuleSets;

// The rule file as written by compliance staff (JSON with comments). Every member is optional here
// so that RuleSetCompiler, not the JSON reader, names each missing or bad value with its path.
// Members the file has but these types do not (a typo) land in Unknown, and the compiler names
// each of them too, alongside every other problem, instead of the reader stopping at the first.
#pragma warning disable CA1002, CA2227 // DTOs bound by System.Text.Json.

/// <summary>The on-disk form of a rule set; see deploy/rules/README.md.</summary>
internal sealed class RuleSetDocument
{
    public long? Version { get; set; }

    public string? Name { get; set; }

    public string? DefaultJurisdiction { get; set; }

    public Dictionary<string, JurisdictionDocument>? Jurisdictions { get; set; }

    public Dictionary<string, TenantDocument>? Tenants { get; set; }

    public Dictionary<string, List<string>>? PurposeChannels { get; set; }

    public List<TemplateDocument>? Templates { get; set; }

    public List<BannedPhraseDocument>? BannedPhrases { get; set; }

    /// <summary>Named calendars of dates (rest days, public holidays) that jurisdictions and tenants refer to.</summary>
    public Dictionary<string, CalendarDocument>? Calendars { get; set; }

    /// <summary>ISO 8601 instant from which this version applies; before it, the version it replaced stays in force.</summary>
    public string? EffectiveFrom { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a named calendar: local dates like "2026-10-01".</summary>
internal sealed class CalendarDocument
{
    public List<string>? Dates { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of one jurisdiction's rules.</summary>
internal sealed class JurisdictionDocument
{
    public List<ContactWindowDocument>? ContactHours { get; set; }

    public List<string>? FallbackTimeZones { get; set; }

    public List<CapDocument>? Caps { get; set; }

    public List<string>? ConsentRequiredChannels { get; set; }

    /// <summary>ISO 8601 duration ("P60D"); optional.</summary>
    public string? ContactReverifyAfter { get; set; }

    /// <summary>Names of calendars whose dates allow no contact at all, in the recipient's local date.</summary>
    public List<string>? NoContactCalendars { get; set; }

    /// <summary>Channel name to the phrases of which every template on that channel must hold one.</summary>
    public Dictionary<string, List<string>>? RequireOptOutText { get; set; }

    /// <summary>When true, every template must state the lender ({lender_name}).</summary>
    public bool? RequireLenderName { get; set; }

    /// <summary>The most SMS segments a rendered text may take (GSM-7: 160, or 153 each when split; UCS-2: 70, or 67).</summary>
    public int? MaxSmsSegments { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a tenant's overrides.</summary>
internal sealed class TenantDocument
{
    public string? Jurisdiction { get; set; }

    /// <summary>Narrower contact hours: each window must lie inside one of the jurisdiction's.</summary>
    public List<ContactWindowDocument>? ContactHours { get; set; }

    /// <summary>Caps added to the jurisdiction's (a cap can only tighten); ids must differ from the jurisdiction's.</summary>
    public List<CapDocument>? Caps { get; set; }

    /// <summary>Calendars added to the jurisdiction's no-contact calendars.</summary>
    public List<string>? NoContactCalendars { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a contact window: days like "Mon", times like "08:00".</summary>
internal sealed class ContactWindowDocument
{
    public List<string>? Days { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a cap: window as an ISO 8601 duration ("PT24H", "P7D").</summary>
internal sealed class CapDocument
{
    public string? Id { get; set; }

    public string? Scope { get; set; }

    public List<string>? Channels { get; set; }

    /// <summary>A sliding window as an ISO 8601 duration; exclusive with <see cref="Period"/>.</summary>
    public string? Window { get; set; }

    /// <summary>"calendar_day": the recipient's local day; exclusive with <see cref="Window"/>.</summary>
    public string? Period { get; set; }

    public int? Limit { get; set; }

    /// <summary>"attempts" (the default) or "conversations".</summary>
    public string? Counts { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a template.</summary>
internal sealed class TemplateDocument
{
    public string? Id { get; set; }

    public string? Purpose { get; set; }

    public string? Channel { get; set; }

    public string? Locale { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    /// <summary>When true, a reminder with this template is held until a person approves it.</summary>
    public bool RequiresReview { get; set; }

    public Dictionary<string, TemplateParameterDocument>? Parameters { get; set; }

    /// <summary>Id of the template sent instead to someone not verified as the debtor: same purpose, channel and locale, no debt details.</summary>
    public string? LimitedContentVariant { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a caller parameter.</summary>
internal sealed class TemplateParameterDocument
{
    public string? Pattern { get; set; }

    public bool Required { get; set; } = true;

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The on-disk form of a banned phrase.</summary>
internal sealed class BannedPhraseDocument
{
    public string? Phrase { get; set; }

    public string? Category { get; set; }

    /// <summary>"word", "prefix" or "substring" (<see cref="Rules.PhraseMatch"/>); absent: substring for Chinese and Japanese, prefix otherwise.</summary>
    public string? Match { get; set; }

    /// <summary>Whether digits and symbols written for letters ("4rr3st") count as the letters for this phrase.</summary>
    public bool Leetspeak { get; set; }

    /// <summary>Members of the file this type does not know; each is a problem.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
#pragma warning restore CA1002, CA2227
