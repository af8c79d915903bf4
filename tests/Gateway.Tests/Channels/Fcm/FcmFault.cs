namespace Gateway.Tests.Channels.Fcm;

/// <summary>What the fake FCM does wrong.</summary>
internal enum FcmFault
{
    None,
    Unregistered,
    InvalidArgument,
    QuotaExceeded,
    Unavailable,

    /// <summary>Reads the request, then never answers.</summary>
    Hang,

    /// <summary>The token endpoint refuses the assertion (a revoked key).</summary>
    TokenRefused,
}
