using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Rules.Versions;

/// <summary>
/// Candidate rule sets for admin tests, made from the shipped US preset. "Closed" differs from it
/// in two places that two different guards read: email is no longer allowed for overdue notices
/// (channel_permission) and the test debtor's first name is a banned phrase (content). A decision
/// that saw half of an update would show one refusal without the other.
/// </summary>
internal static class RuleSetCandidates
{
    public const string ClosedName = "us-regf-closed";

    public static string Open => File.ReadAllText(RulePresets.PathOf("us-regf.json"));

    public static string Closed => Open
        .Replace("\"name\": \"us-regf\"", $"\"name\": \"{ClosedName}\"", StringComparison.Ordinal)
        .Replace("\"overdue_notice\": [\"sms\", \"email\", \"push\", \"voice\"]", "\"overdue_notice\": [\"sms\", \"push\", \"voice\"]", StringComparison.Ordinal)
        .Replace("{ \"phrase\": \"老赖\", \"category\": \"abuse\" }", "{ \"phrase\": \"老赖\", \"category\": \"abuse\" },\n    { \"phrase\": \"avery\", \"category\": \"test\" }", StringComparison.Ordinal);

    /// <summary><see cref="Closed"/>, accepted now but in force only from <paramref name="from"/>.</summary>
    public static string ClosedFrom(DateTimeOffset from) => Closed.Replace(
        $"\"name\": \"{ClosedName}\",",
        $"\"name\": \"{ClosedName}\", \"effectiveFrom\": \"{from.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\",",
        StringComparison.Ordinal);

    /// <summary>
    /// The US preset with the store's rules tightened: at most 2 reminders a day to one debtor
    /// (instead of 3), and recorded consent required for SMS.
    /// </summary>
    public static string Stricter => Open
        .Replace("{ \"id\": \"debtor-all-24h\", \"scope\": \"debtor\", \"window\": \"PT24H\", \"limit\": 3 }", "{ \"id\": \"debtor-all-24h\", \"scope\": \"debtor\", \"window\": \"PT24H\", \"limit\": 2 }", StringComparison.Ordinal)
        .Replace("\"consentRequiredChannels\": []", "\"consentRequiredChannels\": [\"sms\"]", StringComparison.Ordinal);

    /// <summary>The US preset with a no-contact calendar holding <paramref name="date"/>.</summary>
    public static string WithNoContactDay(string date) => Open
        .Replace("\"contactReverifyAfter\": \"P60D\"", "\"contactReverifyAfter\": \"P60D\", \"noContactCalendars\": [\"test-day\"]", StringComparison.Ordinal)
        .Replace("\"tenants\": {},", $"\"calendars\": {{ \"test-day\": {{ \"dates\": [\"{date}\"] }} }},\n  \"tenants\": {{}},", StringComparison.Ordinal);

    /// <summary>The US preset with <paramref name="tenantId"/> narrowed to weekdays 09:00-14:00.</summary>
    public static string WithTenantHours(string tenantId) => Open
        .Replace("\"tenants\": {},", $"\"tenants\": {{ \"{tenantId}\": {{ \"jurisdiction\": \"US\", \"contactHours\": [ {{ \"days\": [\"Mon\", \"Tue\", \"Wed\", \"Thu\", \"Fri\"], \"from\": \"09:00\", \"to\": \"14:00\" }} ] }} }},", StringComparison.Ordinal);

    /// <summary>Four problems at four paths: a bad day, a bad window, an unknown member, a template with an undeclared placeholder.</summary>
    public static string Broken => Open
        .Replace("\"days\": [\"Mon\",", "\"days\": [\"Funday\",", StringComparison.Ordinal)
        .Replace("\"window\": \"PT24H\", \"limit\": 3", "\"window\": \"banana\", \"limit\": 3", StringComparison.Ordinal)
        .Replace("\"contactReverifyAfter\": \"P60D\"", "\"contactReverifyAfter\": \"P60D\", \"quietHours\": \"22:00-08:00\"", StringComparison.Ordinal)
        .Replace("Pay in the app or call us.", "Call {agent_name}.", StringComparison.Ordinal);

    public static readonly string[] BrokenPaths =
    [
        "$.jurisdictions.US.caps[2].window",
        "$.jurisdictions.US.contactHours[0].days[0]",
        "$.jurisdictions.US.quietHours",
        "$.templates[0].body",
    ];
}
