using System.Globalization;
using System.Text;

namespace Gateway.Api;

/// <summary>
/// ListDecisions page tokens: the range and the offset into it, so a token continues exactly the
/// listing it came from (even when that listing's end was "now"). History is append-only and
/// ordered by time, so offsets into a past range stay stable.
/// </summary>
internal static class PageToken
{
    public static string Write(DateTimeOffset from, DateTimeOffset to, int skip) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{from.ToUnixTimeMilliseconds()}:{to.ToUnixTimeMilliseconds()}:{skip}")));

    public static bool TryRead(string token, out DateTimeOffset from, out DateTimeOffset to, out int skip)
    {
        from = to = default;
        skip = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fromMs)
                || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var toMs)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            {
                return false;
            }

            from = DateTimeOffset.FromUnixTimeMilliseconds(fromMs);
            to = DateTimeOffset.FromUnixTimeMilliseconds(toMs);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
