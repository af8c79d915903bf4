using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Channels.Smtp;

/// <summary>
/// The HTML part, made from the same rendered text as the plain part: every character escaped (a
/// template parameter can never inject markup or a link), paragraphs at blank lines, line breaks kept.
/// </summary>
internal static partial class EmailHtml
{
    public static string From(string? subject, string body)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        if (!string.IsNullOrEmpty(subject))
        {
            html.Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title>");
        }

        html.Append("</head><body>\n");
        foreach (var paragraph in BlankLines().Split(body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            var lines = paragraph.Split('\n').Select(line => WebUtility.HtmlEncode(line.TrimEnd()));
            html.Append("<p>").AppendJoin("<br>\n", lines).Append("</p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlankLines();
}
