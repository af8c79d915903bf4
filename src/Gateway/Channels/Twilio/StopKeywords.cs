using System.Collections.Frozen;
using System.Text;

namespace Gateway.Channels.Twilio;

/// <summary>
/// The replies that mean "stop": the CTIA and Twilio set in English, and 退订 / TD used in China.
/// Matched on the whole reply after NFKC (full-width letters fold to ASCII), case folding and
/// removing white space, so "ｓｔｏｐ", " Stop " and "S T O P" all count; "stop it please" does not,
/// as carriers treat it.
/// </summary>
internal static class StopKeywords
{
    private static readonly FrozenSet<string> Keywords = FrozenSet.ToFrozenSet(
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "退订", "TD"],
        StringComparer.Ordinal);

    public static bool IsStop(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        var folded = body.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var compact = new StringBuilder(folded.Length);
        foreach (var character in folded)
        {
            if (!char.IsWhiteSpace(character) && !char.IsControl(character) && char.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.Format)
            {
                compact.Append(character);
            }
        }

        return Keywords.Contains(compact.ToString());
    }
}
