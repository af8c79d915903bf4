using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Gateway.Tests.Infrastructure;

/// <summary>A compact JWS taken apart, so a fake server can check the header, the claims and the signature the way the real service does.</summary>
internal sealed record TestJwt(JsonElement Header, JsonElement Payload, byte[] SignedPart, byte[] Signature)
{
    public static TestJwt? TryParse(string? jwt)
    {
        var parts = jwt?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            return new TestJwt(
                JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement.Clone(),
                JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone(),
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                Base64Url.DecodeFromChars(parts[2]));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public string? Text(string claim) => Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? HeaderText(string name) => Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
