using System.Diagnostics;
using OpenTelemetry;

namespace Gateway.Observability;

/// <summary>
/// Takes contact points out of outbound URLs before a span is exported. APNs addresses a push by
/// the device token in the path (<c>/3/device/{token}</c>), and a device token is a contact point;
/// the HttpClient instrumentation records the full URL. The query is already redacted by the
/// instrumentation; the path segment after <c>device</c> is redacted here.
/// </summary>
internal sealed class ClientUrlRedaction : BaseProcessor<Activity>
{
    private const string UrlFull = "url.full";
    private const string UrlPath = "url.path";
    private const string Redacted = "{redacted}";

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Kind != ActivityKind.Client)
        {
            return;
        }

        foreach (var key in (ReadOnlySpan<string>)[UrlFull, UrlPath])
        {
            if (data.GetTagItem(key) is string url && Redact(url) is { } redacted)
            {
                data.SetTag(key, redacted);
            }
        }
    }

    /// <summary>The URL with the segment after each <c>device</c> segment replaced, or null when it has none.</summary>
    internal static string? Redact(string url)
    {
        var segments = url.Split('/');
        var changed = false;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (string.Equals(segments[i], "device", StringComparison.OrdinalIgnoreCase) && segments[i + 1].Length > 0)
            {
                var query = segments[i + 1].IndexOf('?', StringComparison.Ordinal);
                segments[i + 1] = query < 0 ? Redacted : Redacted + segments[i + 1][query..];
                changed = true;
            }
        }

        return changed ? string.Join('/', segments) : null;
    }
}
