using System.Text.Json;

namespace Gateway.Channels.Fcm;

/// <summary>The fields of a Google service-account JSON key the FCM carrier uses.</summary>
internal sealed record ServiceAccountKey(string ClientEmail, string PrivateKey, string? PrivateKeyId, string? ProjectId)
{
    public static bool TryParse(string? json, out ServiceAccountKey key)
    {
        key = null!;
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (Text(root, "client_email") is not { } email || Text(root, "private_key") is not { } privateKey)
            {
                return false;
            }

            key = new ServiceAccountKey(email, privateKey, Text(root, "private_key_id"), Text(root, "project_id"));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
