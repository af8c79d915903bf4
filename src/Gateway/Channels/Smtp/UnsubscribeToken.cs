using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Channels.Smtp;

/// <summary>
/// The opaque token of an unsubscribe link: tenant, reminder and address sealed with AES-GCM under
/// <see cref="SmtpCarrierOptions.UnsubscribeTokenKey"/>. Links are forwarded, logged by proxies and
/// kept in mail archives, so the address never appears in clear; and a token nobody sealed is refused
/// when opened, so a forged link cannot opt someone else out. The endpoint behind the link (inbound
/// webhooks) opens it with <see cref="TryOpen"/>.
/// </summary>
internal sealed class UnsubscribeToken(byte[] key)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static bool IsValidKey(string? base64)
    {
        Span<byte> buffer = stackalloc byte[64];
        return !string.IsNullOrWhiteSpace(base64) && Convert.TryFromBase64String(base64, buffer, out var length) && length == 32;
    }

    public static UnsubscribeToken FromBase64(string base64) => new(Convert.FromBase64String(base64));

    public string Seal(string tenantId, string reminderId, string address)
    {
        var plain = Encoding.UTF8.GetBytes(string.Join('\n', tenantId, reminderId, address));
        var sealedBytes = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), [Version]);
        return Base64Url.EncodeToString(sealedBytes);
    }

    public bool TryOpen(string token, out (string TenantId, string ReminderId, string Address) contents)
    {
        contents = default;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length <= 1 + NonceSize + TagSize || sealedBytes[0] != Version)
        {
            return false;
        }

        var plain = new byte[sealedBytes.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(1, NonceSize), sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), plain, [Version]);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(plain).Split('\n');
        if (parts.Length != 3)
        {
            return false;
        }

        contents = (parts[0], parts[1], parts[2]);
        return true;
    }
}
