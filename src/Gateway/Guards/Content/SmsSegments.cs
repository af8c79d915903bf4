using System.Collections.Frozen;

namespace Gateway.Guards.Content;

/// <summary>
/// How many SMS segments a text takes, as carriers count them (3GPP TS 23.038). Text entirely in
/// the GSM 7-bit alphabet: 160 septets in one segment, 153 per segment when split (the rest is
/// the concatenation header); the extension characters (<c>^{}\[~]|€</c>) take two septets each.
/// Any other character forces UCS-2 for the whole message: 70 UTF-16 units, 67 when split.
/// </summary>
internal static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    public static SmsLength Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = 0;
        foreach (var character in text)
        {
            if (BasicSet.Contains(character))
            {
                septets++;
            }
            else if (ExtensionSet.Contains(character))
            {
                septets += 2;
            }
            else
            {
                return new SmsLength(SmsEncoding.Ucs2, text.Length, Segments(text.Length, 70, 67));
            }
        }

        return new SmsLength(SmsEncoding.Gsm7, septets, Segments(septets, 160, 153));
    }

    private static int Segments(int units, int single, int perPart) =>
        units <= single ? 1 : (units + perPart - 1) / perPart;
}
