using System.Globalization;
using System.Text;
using Gateway.Rules;

namespace Gateway.Guards.Content;

/// <summary>
/// A text in the one form banned phrases are looked for in, its skeleton: NFKC (full-width and
/// compatibility forms), lower case, accents and other combining marks dropped, look-alike letters
/// of other scripts mapped to the Latin ones (<see cref="Confusables"/>), optionally leetspeak
/// folded (<see cref="Leetspeak"/>), and then only letters and digits kept. Spaces, punctuation
/// and symbols between letters are dropped but remembered as word boundaries, so that
/// "a r r e s t" and "ar-rest" read "arrest" starting and ending at a boundary, while "starrest"
/// has no boundary before its "arrest". Invisible characters (zero-width, joiners, variation
/// selectors) are dropped without a boundary, as a reader does not see one. Each Chinese or
/// Japanese character is a word of its own, since those scripts put no spaces between words.
/// </summary>
internal sealed class LexiconText
{
    private readonly bool[] _starts;
    private readonly bool[] _ends;

    private LexiconText(string skeleton, bool[] starts, bool[] ends)
    {
        Skeleton = skeleton;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The letters and digits of the text, in the form phrases are compared in.</summary>
    public string Skeleton { get; }

    public static LexiconText Of(string text, bool leetspeak)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var skeleton = new StringBuilder(decomposed.Length);
        var starts = new List<int>();
        var ends = new List<int>();
        var inWord = false;

        void Boundary()
        {
            if (inWord)
            {
                ends.Add(skeleton.Length);
                inWord = false;
            }
        }

        void Append(char letter, bool wordOfItsOwn)
        {
            if (wordOfItsOwn)
            {
                Boundary();
            }

            if (!inWord)
            {
                starts.Add(skeleton.Length);
                inWord = true;
            }

            skeleton.Append(letter);
            if (wordOfItsOwn)
            {
                Boundary();
            }
        }

        foreach (var character in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            // A character outside the Basic Multilingual Plane (an emoji, a rare Han character) separates words.
            var mapped = Confusables.Of(character) ?? (char.IsSurrogate(character) ? " " : character.ToString());
            foreach (var original in mapped)
            {
                var letter = leetspeak ? Leetspeak.Of(original) : original;
                if (char.IsLetterOrDigit(letter))
                {
                    Append(letter, IsIdeographic(letter));
                }
                else
                {
                    Boundary();
                }
            }
        }

        Boundary();
        return new LexiconText(skeleton.ToString(), Flags(starts, skeleton.Length), Flags(ends, skeleton.Length));
    }

    /// <summary>Whether <paramref name="phrase"/> (a skeleton) occurs where <paramref name="match"/> lets it count.</summary>
    public bool Contains(string phrase, PhraseMatch match)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length == 0)
        {
            return false;
        }

        // Each occurrence is looked at once; the loop ends at the end of the skeleton.
        for (var at = Skeleton.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = Skeleton.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var counts = match switch
            {
                PhraseMatch.Substring => true,
                PhraseMatch.Prefix => _starts[at],
                _ => _starts[at] && _ends[at + phrase.Length],
            };
            if (counts)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a phrase is written in a script without spaces between words, where only a substring match makes sense.</summary>
    public static bool IsWrittenWithoutSpaces(string phrase) => phrase.Any(IsIdeographic);

    /// <summary>Han (Chinese characters, kanji), kana and the CJK compatibility block: scripts written without spaces.</summary>
    private static bool IsIdeographic(char letter) =>
        letter is >= '\u2E80' and <= '\u2FDF' or >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static bool[] Flags(List<int> positions, int length)
    {
        var flags = new bool[length + 1];
        foreach (var position in positions)
        {
            flags[position] = true;
        }

        return flags;
    }
}
