using System.Security.Cryptography;
using System.Text.Json;

namespace Gateway.Tests.Channels.Fcm;

/// <summary>A service-account JSON key as the Google Cloud console downloads it, for a key made at test time.</summary>
internal static class TestServiceAccount
{
    public const string Project = "acme-reminders";
    public const string ClientEmail = "gateway@acme-reminders.iam.gserviceaccount.com";
    public const string KeyId = "0123456789abcdef";

    public static string Json(RSA key) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type"] = "service_account",
        ["project_id"] = Project,
        ["private_key_id"] = KeyId,
        ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["token_uri"] = "https://oauth2.googleapis.com/token",
    });

    public static string Json()
    {
        using var key = RSA.Create(2048);
        return Json(key);
    }
}
