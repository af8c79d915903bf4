using System.Collections.Frozen;
using System.Globalization;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>Approved templates by id; a lookup also checks purpose, channel and locale.</summary>
internal sealed class TemplateCatalog(FrozenDictionary<string, MessageTemplate> byId)
{
    public int Count => byId.Count;

    public IEnumerable<MessageTemplate> All => byId.Values;

    public bool TryGet(string id, out MessageTemplate template) => byId.TryGetValue(id, out template!);

    /// <summary>
    /// Whether the template serves this purpose, channel and locale. A template written for a
    /// language ("en") serves every region of it ("en-GB"); one written for a region serves only it.
    /// </summary>
    public static bool Serves(MessageTemplate template, Purpose purpose, Channel channel, string locale) =>
        template.Purpose == purpose
        && template.Channel == channel
        && (string.Equals(template.Locale, locale, StringComparison.OrdinalIgnoreCase)
            || string.Equals(template.Locale, LanguageOf(locale), StringComparison.OrdinalIgnoreCase));

    private static string LanguageOf(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale).TwoLetterISOLanguageName;
        }
        catch (CultureNotFoundException)
        {
            return locale;
        }
    }
}
