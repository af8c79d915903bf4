using System.Text.RegularExpressions;

namespace Gateway.Store;

/// <summary>
/// The store's Lua scripts, embedded in the assembly. StackExchange.Redis sends each by SHA after the
/// first use. A line <c>--#include name</c> is replaced by <c>Scripts/shared/name.lua</c>, so the
/// fragments several scripts share (the idempotency check, the history append) are written once.
/// </summary>
internal static partial class LuaScripts
{
    public static readonly string Finish = Load("finish");
    public static readonly string Consent = Load("consent");
    public static readonly string Preferences = Load("preferences");
    public static readonly string RecordContact = Load("record_contact");
    public static readonly string Hold = Load("hold");
    public static readonly string Claim = Load("claim");
    public static readonly string Complete = Load("complete");
    public static readonly string Cancel = Load("cancel");
    public static readonly string Approve = Load("approve");
    public static readonly string RulesAppend = Load("rules_append");
    public static readonly string Throttle = Load("throttle");
    public static readonly string Delivery = Load("delivery");
    public static readonly string RecentTrim = Load("recent_trim");

    /// <summary>One script's text with its includes expanded.</summary>
    public static string Load(string name) =>
        Include().Replace(Read($"Gateway.Store.Scripts.{name}.lua"), match => Read($"Gateway.Store.Scripts.shared.{match.Groups["name"].Value}.lua").TrimEnd() + "\n");

    private static string Read(string resource)
    {
        using var stream = typeof(LuaScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded script {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^--#include (?<name>[a-z_]+)[ \t]*\r?\n", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Include();
}
