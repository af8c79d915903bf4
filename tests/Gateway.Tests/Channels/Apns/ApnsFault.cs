namespace Gateway.Tests.Channels.Apns;

/// <summary>What the fake APNs does wrong; each answers with Apple's status and reason.</summary>
internal enum ApnsFault
{
    None,
    BadDeviceToken,
    Unregistered,
    TooManyRequests,
    InternalServerError,
    ServiceUnavailable,
    ExpiredProviderToken,

    /// <summary>Reads the request, then never answers.</summary>
    Hang,
}
