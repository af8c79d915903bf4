namespace Gateway.Channels.Smtp;

/// <summary>Email through an SMTP relay (<c>Gateway:Carriers:Smtp</c>). The carrier is registered only when this section exists.</summary>
public sealed class SmtpCarrierOptions
{
    public const string SectionName = "Gateway:Carriers:Smtp";

    /// <summary>The relay's host name (required), for example <c>smtp.sendgrid.net</c>.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The submission port (default 587). The connection must upgrade with STARTTLS; plain text is never sent.</summary>
    public int Port { get; set; } = 587;

    /// <summary>The relay account (required): relays that accept unauthenticated mail are open relays.</summary>
    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>The From address (required); its domain also names the Message-ID.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The From display name, for example the lender's or servicer's name.</summary>
    public string? FromName { get; set; }

    /// <summary>The mailbox of the <c>mailto:</c> unsubscribe (required: US rules require email to carry an opt-out).</summary>
    public string UnsubscribeMailto { get; set; } = string.Empty;

    /// <summary>The https endpoint of one-click unsubscribe (RFC 8058, required); the token is appended as <c>?token=</c>.</summary>
    public string UnsubscribeUrl { get; set; } = string.Empty;

    /// <summary>
    /// Base64 of a 32-byte secret (required) that seals the unsubscribe token, so the link names no
    /// address in clear and cannot be forged to opt someone else out.
    /// </summary>
    public string UnsubscribeTokenKey { get; set; } = string.Empty;

    /// <summary>The budget of one whole exchange, connect to QUIT (default 30 s, at most 5 minutes).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// SHA-256 thumbprint of one more server certificate to trust besides the system's roots (a
    /// private relay, or a test's self-signed server). Leave empty to trust only the system's roots.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }
}
