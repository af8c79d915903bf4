namespace Gateway.Channels.Apns;

/// <summary>Push to Apple devices through APNs with token-based auth (<c>Gateway:Carriers:Apns</c>). The carrier is registered only when this section exists.</summary>
public sealed class ApnsCarrierOptions
{
    public const string SectionName = "Gateway:Carriers:Apns";

    /// <summary>APNs (default production, <c>https://api.push.apple.com</c>; development is <c>https://api.sandbox.push.apple.com</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.push.apple.com");

    /// <summary>The 10-character id of the signing key (required), the JWT's <c>kid</c>.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The 10-character Apple Developer team id (required), the JWT's <c>iss</c>.</summary>
    public string TeamId { get; set; } = string.Empty;

    /// <summary>The contents of the <c>.p8</c> signing key (required; PEM, P-256). Keep it in a secret store.</summary>
    public string PrivateKey { get; set; } = string.Empty;

    /// <summary>The app's bundle id (required), sent as <c>apns-topic</c>.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary><c>apns-priority</c>: 10 delivers at once, 5 when the device is awake anyway (default 10).</summary>
    public int Priority { get; set; } = 10;

    /// <summary>The budget of one send (default 10 s, at most 1 minute).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long APNs may hold a push for an offline device when the reminder sets no expiry (default 1 day, at most 30 days).</summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>SHA-256 thumbprint of one more server certificate to trust besides the system's roots (for tests against a fake APNs). Leave empty in production.</summary>
    public string? TrustedCertificateSha256 { get; set; }
}
