namespace Gateway.Store;

/// <summary>The store's Lua scripts, embedded in the assembly. StackExchange.Redis sends each by SHA after the first use.</summary>
internal static class LuaScripts
{
    public static readonly string Reserve = Load("reserve");
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

    private static string Load(string name)
    {
        using var stream = typeof(LuaScripts).Assembly.GetManifestResourceStream($"Gateway.Store.Scripts.{name}.lua")
            ?? throw new InvalidOperationException($"Embedded script {name}.lua is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
