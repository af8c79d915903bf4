using System.Globalization;
using System.Text;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>
/// The snake_case names rule files use for proto enums ("sms", "overdue_notice"), so that a rule
/// file reads like the proto without its prefixes.
/// </summary>
internal static class RuleNames
{
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var pascal = string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));
        return Enum.TryParse(pascal, ignoreCase: false, out value)
            && !EqualityComparer<TEnum>.Default.Equals(value, default)
            && Enum.IsDefined(value);
    }

    /// <summary>The value named, or the enum's unspecified zero value when the name is unknown.</summary>
    public static TEnum ParseOrUnspecified<TEnum>(string? name)
        where TEnum : struct, Enum => TryParse<TEnum>(name, out var value) ? value : default;

    /// <summary>
    /// The snake_case name of <paramref name="value"/>. Every decision asks for several (metric
    /// labels, verdict details, store arguments), so the names of defined values are computed once;
    /// an undefined value (a malformed answer) is named afresh, so the cache cannot grow.
    /// </summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        SnakeCaseNames<TEnum>.Defined.TryGetValue(value, out var name) ? name : Compute(value);

    public static string Of(Channel channel) => Of<Channel>(channel);

    internal static string Compute<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var pascal = value.ToString();
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLower(pascal[i], CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
