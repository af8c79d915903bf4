namespace Gateway.Channels.Fcm;

/// <summary>Push through Firebase Cloud Messaging HTTP v1 (<c>Gateway:Carriers:Fcm</c>). The carrier is registered only when this section exists.</summary>
public sealed class FcmCarrierOptions
{
    public const string SectionName = "Gateway:Carriers:Fcm";

    /// <summary>The Firebase project id (required unless the service-account key names it).</summary>
    public string? ProjectId { get; set; }

    /// <summary>
    /// The service account's JSON key, as downloaded from the Google Cloud console (required). It
    /// signs the OAuth2 assertion for an access token; keep it in a secret store, not in a file in
    /// the repository.
    /// </summary>
    public string ServiceAccountJson { get; set; } = string.Empty;

    /// <summary>The FCM API (default <c>https://fcm.googleapis.com</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://fcm.googleapis.com");

    /// <summary>The OAuth2 token endpoint (default Google's, <c>https://oauth2.googleapis.com/token</c>).</summary>
    public Uri TokenUri { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>The budget of one send, the access token included (default 10 s, at most 1 minute).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a push may wait for an offline device when the reminder sets no expiry (default 1 day, at most 28 days, FCM's limit).</summary>
    public TimeSpan DefaultTimeToLive { get; set; } = TimeSpan.FromDays(1);
}
