using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Gateway.Channels.Twilio;

/// <summary>
/// What a reply to a message asks for: to stop (an opt-out), to start again (the person's own
/// opt-in), or nothing this gateway acts on. The reply is folded first (NFKC, so full-width
/// letters become ASCII; upper case; zero-width and control characters dropped) and split into
/// words, punctuation falling away, so "Stop.", "STOP!" and "ｓｔｏｐ" are all STOP.
/// <para>
/// A stop is: the whole reply being any stop word (the CTIA and FCC list, and 退订 / TD / T / 取消 used
/// in China); or, anywhere in a longer reply, a word only a stop means ("stop texting me", "please
/// unsubscribe me", "opt out", 退订). Words that ordinary sentences use (end, quit, cancel) count only
/// as the whole reply, so "I'll pay by the end of the week" is not a stop. The FCC's 2024 rule
/// (47 CFR 64.1200(a)(10)) accepts any reasonable means of revocation; where the two readings
/// differ, this errs towards stopping. START and UNSTOP, as the whole reply, opt back in; a reply
/// that is both (never in practice) is a stop.
/// </para>
/// </summary>
internal static class ReplyKeywords
{
    /// <summary>Stop words that stop only as the whole reply.</summary>
    private static readonly FrozenSet<string> WholeReplyStops = FrozenSet.ToFrozenSet(
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "退订", "TD", "T", "取消"],
        StringComparer.Ordinal);

    /// <summary>Words that mean stop wherever they stand in a reply.</summary>
    private static readonly FrozenSet<string> StopAnywhere = FrozenSet.ToFrozenSet(
        ["STOP", "STOPALL", "UNSUBSCRIBE", "OPTOUT", "REVOKE", "退订"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Starts = FrozenSet.ToFrozenSet(["START", "UNSTOP"], StringComparer.Ordinal);

    public static bool IsStop(string? reply)
    {
        var words = Words(reply);
        if (words.Count == 0)
        {
            return false;
        }

        return WholeReplyStops.Contains(string.Concat(words)) || words.Any(StopAnywhere.Contains) || Joined(words).Any(StopAnywhere.Contains);
    }

    public static bool IsStart(string? reply)
    {
        var words = Words(reply);
        return words.Count > 0 && Starts.Contains(string.Concat(words)) && !IsStop(reply);
    }

    /// <summary>Neighbouring words joined, so that "opt out" and "un subscribe" read as one word.</summary>
    private static IEnumerable<string> Joined(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            yield return words[i] + words[i + 1];
        }
    }

    /// <summary>
    /// The reply's words, folded. A Chinese reply has no spaces, so a run of Han characters is kept
    /// as one word and also tried whole (退订 inside 请退订 is found by <see cref="ContainsHanStop"/>).
    /// </summary>
    private static List<string> Words(string? reply)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(reply))
        {
            return words;
        }

        var folded = reply.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var word = new StringBuilder();
        foreach (var character in folded)
        {
            var category = char.GetUnicodeCategory(character);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        // Chinese writes no spaces: 请退订 holds the stop word 退订 inside one "word".
        if (words.Any(ContainsHanStop))
        {
            words.Add("退订");
        }

        return words;
    }

    private static bool ContainsHanStop(string word) => word.Length > 2 && word.Contains("退订", StringComparison.Ordinal);
}
