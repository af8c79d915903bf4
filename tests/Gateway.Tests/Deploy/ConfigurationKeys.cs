using System.Collections;
using System.Reflection;
using Gateway.Hosting;
using Gateway.Sandbox;

namespace Gateway.Tests.Deploy;

/// <summary>
/// Whether a configuration key a deployment sets (<c>Gateway__Store__ConnectionString</c> in an
/// environment, or <c>Gateway:Store:ConnectionString</c>) names a property of an options class,
/// walking sections, dictionaries (a tenant's id) and lists (an index) as the binder does.
/// Options classes are those with a <c>SectionName</c> constant, in the gateway and the sandbox.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>ASP.NET Core's own sections a deployment sets: Kestrel's endpoints (names from the gateway's appsettings.json) and log levels.</summary>
    private static readonly string[][] HostPatterns =
    [
        ["Kestrel", "Endpoints", "Grpc", "Url"],
        ["Kestrel", "Endpoints", "Grpc", "Protocols"],
        ["Kestrel", "Endpoints", "Http", "Url"],
        ["Kestrel", "Endpoints", "Http", "Protocols"],
        ["Logging", "LogLevel", "*"],
    ];

    private static readonly IReadOnlyList<(string[] Section, Type Options)> Sections =
        new[] { typeof(GatewayApplication).Assembly, typeof(SandboxOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Field: type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(pair => pair.Field is { IsLiteral: true })
            .Select(pair => (((string)pair.Field!.GetRawConstantValue()!).Split(':'), pair.Type))
            .ToList();

    public static bool IsConfigurationKey(string name) =>
        name.StartsWith("Gateway__", StringComparison.Ordinal) || name.StartsWith("Sandbox__", StringComparison.Ordinal)
        || name.StartsWith("Kestrel__", StringComparison.Ordinal) || name.StartsWith("Logging__", StringComparison.Ordinal);

    /// <summary>Null when the key names an options property; else why not.</summary>
    public static string? Problem(string key)
    {
        var segments = key.Split(["__", ":"], StringSplitOptions.None);
        if (HostPatterns.Any(pattern => Matches(pattern, segments)))
        {
            return null;
        }

        var candidates = Sections.Where(section => IsPrefix(section.Section, segments)).ToList();
        if (candidates.Count == 0)
        {
            return $"{key}: no options class is bound to a section it is under";
        }

        return candidates.Any(section => Resolves(section.Options, segments.AsSpan(section.Section.Length)))
            ? null
            : $"{key}: no property of {string.Join(" or ", candidates.Select(c => c.Options.Name))} has this path";
    }

    private static bool Matches(string[] pattern, string[] segments) =>
        pattern[^1] == "*"
            ? segments.Length >= pattern.Length && pattern[..^1].Select((part, i) => string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)).All(same => same)
            : pattern.Length == segments.Length && pattern.Select((part, i) => string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)).All(same => same);

    private static bool IsPrefix(string[] section, string[] segments) =>
        section.Length < segments.Length && section.Select((part, i) => string.Equals(part, segments[i], StringComparison.OrdinalIgnoreCase)).All(same => same);

    private static bool Resolves(Type type, ReadOnlySpan<string> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (IsScalar(type))
        {
            return false;
        }

        if (Dictionary(type) is { } valueType)
        {
            return Resolves(valueType, rest[1..]);
        }

        if (Element(type) is { } elementType)
        {
            return int.TryParse(rest[0], out _) && Resolves(elementType, rest[1..]);
        }

        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Resolves(property.PropertyType, rest[1..]);
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(Uri) || underlying == typeof(DateTimeOffset);
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}
