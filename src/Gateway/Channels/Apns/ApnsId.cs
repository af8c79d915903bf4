using System.Security.Cryptography;
using System.Text;

namespace Gateway.Channels.Apns;

/// <summary>
/// The <c>apns-id</c> of a reminder: a UUID derived from its id (version 8, RFC 9562, from SHA-256),
/// so every attempt at one reminder carries the same id and Apple's feedback and our record line up.
/// </summary>
internal static class ApnsId
{
    public static Guid For(string reminderId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("apns-id:" + reminderId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
