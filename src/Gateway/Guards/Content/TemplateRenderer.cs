using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Rules;

namespace Gateway.Guards.Content;

/// <summary>
/// Fills a template's placeholders. Caller values were checked against the template's patterns
/// at validation; system values come from the gateway. Placeholders with no value yet (system
/// values before the recheck) are left as they are.
/// </summary>
internal static partial class TemplateRenderer
{
    public static string Render(string text, IReadOnlyDictionary<string, string> callerValues, IReadOnlyDictionary<string, string>? systemValues)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(callerValues);
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (SystemPlaceholders.All.Contains(name))
            {
                return systemValues is not null && systemValues.TryGetValue(name, out var system) ? system : match.Value;
            }

            return callerValues.TryGetValue(name, out var value) ? value : string.Empty;
        });
    }

    public static RenderedMessage Render(MessageTemplate template, FrozenDictionary<string, string> callerValues, IReadOnlyDictionary<string, string>? systemValues)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new RenderedMessage(
            template.Subject is null ? null : Render(template.Subject, callerValues, systemValues),
            Render(template.Body, callerValues, systemValues));
    }

    /// <summary>Shows the last four characters of an account or debt reference only.</summary>
    public static string MaskReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Length <= 4 ? new string('*', reference.Length) : new StringBuilder().Append('*', 4).Append(reference.AsSpan(reference.Length - 4)).ToString();
    }

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
