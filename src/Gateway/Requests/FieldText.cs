using System.Globalization;
using System.Text;

namespace Gateway.Requests;

/// <summary>
/// What free text from a caller may contain. Control characters (a final "\n", a NUL) and format
/// characters (zero-width joiners, bidirectional overrides) are invisible to the person who reads
/// a message or a record, and make one value look like another; they are refused, never stripped,
/// so that what is stored is what was asked.
/// </summary>
internal static class FieldText
{
    public const string Refusal = "may not contain control, format, separator or private-use characters, nor unpaired surrogates";

    /// <summary>True when every character of <paramref name="value"/> is one a person can see (or a plain space).</summary>
    public static bool IsClean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Rune rune;
        for (var i = 0; i < value.Length; i += rune.Utf16SequenceLength)
        {
            if (!Rune.TryGetRuneAt(value, i, out rune))
            {
                return false;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }

            if (category == UnicodeCategory.SpaceSeparator && rune.Value != ' ')
            {
                // No-break, ideographic and other spaces look like a space and are not one.
                return false;
            }
        }

        return true;
    }
}
