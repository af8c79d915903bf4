using System.Security.Cryptography;
using System.Text;
using Gateway.V1;

namespace Gateway.Requests;

/// <summary>
/// A digest of a reminder's content in a canonical form (parameters sorted), so that the same
/// request sent twice has the same fingerprint whatever order a client serialises its map in.
/// </summary>
internal static class RequestFingerprint
{
    public static string Of(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var text = new StringBuilder(256)
            .Append(reminder.DebtorId).Append('\u001f')
            .Append(reminder.DebtId).Append('\u001f')
            .Append((int)reminder.Purpose).Append('\u001f')
            .Append((int)reminder.Channel).Append('\u001f')
            .Append(reminder.ContactPoint).Append('\u001f')
            .Append(reminder.TemplateId).Append('\u001f')
            .Append(reminder.Locale).Append('\u001f')
            .Append(reminder.RecipientTimeZone).Append('\u001f');
        foreach (var (name, value) in reminder.TemplateParameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\u001e').Append(value).Append('\u001f');
        }

        // The fallbacks are part of what was asked for: the same key with other fallbacks is another request.
        foreach (var channel in reminder.FallbackChannels)
        {
            text.Append((int)channel).Append('\u001e')
                .Append(reminder.FallbackTemplates.GetValueOrDefault(Rules.RuleNames.Of(channel))).Append('\u001e')
                .Append(reminder.FallbackContactPoints.GetValueOrDefault(Rules.RuleNames.Of(channel))).Append('\u001f');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}
