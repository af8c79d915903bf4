using System.Collections;
using System.Reflection;

namespace Gateway.Tests.Configuration;

/// <summary>
/// Every configuration key the options classes bind, read by reflection: a class with a
/// <c>SectionName</c> constant, each public settable property under it, and the properties of a
/// nested options class under a dictionary (<c>Gateway:Tenants:{id}:LenderName</c>). Dictionary keys
/// and list indexes are left out of the key (<c>Gateway:Tenants:LenderName</c>), as the README's
/// placeholders are by <see cref="ReadmeConfigurationTable"/>.
/// </summary>
internal static class OptionsKeys
{
    public static IReadOnlySet<string> Of(Assembly assembly)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(type => type.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section)
            {
                Add(type, section, keys);
            }
        }

        return keys;
    }

    private static void Add(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            if (NestedOptions(property.PropertyType) is { } nested)
            {
                Add(nested, key, keys);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>The value type of a dictionary of options classes, the shape of <c>Tenants</c>.</summary>
    private static Type? NestedOptions(Type type) =>
        type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type) && type.GetGenericArguments()[1] is { } value && value.Name.EndsWith("Options", StringComparison.Ordinal)
            ? value
            : null;
}
