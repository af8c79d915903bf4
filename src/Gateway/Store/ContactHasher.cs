using System.Security.Cryptography;
using System.Text;
using Gateway.Decisions;
using Microsoft.Extensions.Options;

namespace Gateway.Store;

/// <summary>
/// Stands in for a contact point wherever the store needs one: HMAC-SHA256 under a configured
/// secret, so a stolen store dump cannot be reversed by hashing every phone number.
/// </summary>
internal sealed class ContactHasher(IOptions<ContactHashOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.ContactHashKey);

    public string Hash(ContactPoint contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var input = Encoding.UTF8.GetBytes($"{(int)contact.Kind}:{contact.Value}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, input).AsSpan(0, 16));
    }
}
