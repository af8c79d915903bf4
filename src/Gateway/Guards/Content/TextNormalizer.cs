using System.Globalization;
using System.Text;

namespace Gateway.Guards.Content;

/// <summary>
/// Puts text in the one form the lexicon is matched in: Unicode NFKC (which folds full-width and
/// compatibility forms such as "ＡＲＲＥＳＴ" to "ARREST"), lower case, invisible characters removed,
/// runs of white space folded to one space. Rule files are normalised the same way.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var character in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && !char.IsWhiteSpace(character))
            {
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
