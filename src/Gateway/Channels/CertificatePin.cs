using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Channels;

/// <summary>
/// Server certificate checks for one carrier's connections: the platform's validation, plus at most
/// one extra certificate trusted by its SHA-256 thumbprint (a carrier's private relay, or a test's
/// self-signed server). It is set per client, never process-wide, so no other connection trusts it.
/// </summary>
internal static class CertificatePin
{
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, string? trustedSha256)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || string.IsNullOrWhiteSpace(trustedSha256))
        {
            return false;
        }

        var actual = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return string.Equals(actual, Normalize(trustedSha256), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Accepts the thumbprint as printed by most tools: with or without colons or spaces.</summary>
    public static string Normalize(string thumbprint) => thumbprint.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    public static bool IsWellFormed(string? thumbprint) =>
        thumbprint is null || (Normalize(thumbprint) is { Length: 64 } hex && hex.All(char.IsAsciiHexDigit));
}
