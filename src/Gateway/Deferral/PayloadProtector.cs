using System.Security.Cryptography;
using System.Text;
using Gateway.Store;
using Microsoft.Extensions.Options;

namespace Gateway.Deferral;

/// <summary>
/// Encrypts a held reminder's request (which must keep its contact point to be sent later) with
/// AES-GCM under a key derived from the contact-hash secret, bound to the reminder id, so a store
/// dump shows no contact point and a payload cannot be moved to another reminder.
/// </summary>
internal sealed class PayloadProtector(IOptions<ContactHashOptions> options)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.ContactHashKey), 32, info: Encoding.UTF8.GetBytes("gateway held-reminder payload v1"));

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string reminderId)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(reminderId));
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedPayload, string reminderId)
    {
        if (protectedPayload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The held reminder's payload is truncated.");
        }

        var plaintext = new byte[protectedPayload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedPayload[..NonceSize], protectedPayload[(NonceSize + TagSize)..], protectedPayload.Slice(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(reminderId));
        return plaintext;
    }
}
