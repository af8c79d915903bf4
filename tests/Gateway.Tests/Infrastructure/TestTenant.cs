using Gateway.Tenancy;

namespace Gateway.Tests.Infrastructure;

/// <summary>The API key and lender name every functional test calls with; each test host maps the key to a tenant id of its own.</summary>
internal static class TestTenant
{
    public const string ApiKey = "test-key-acme";
    public const string LenderName = "Acme Lending";

    /// <summary>The administrator key of every test host: distinct from the sender's, as the gateway requires.</summary>
    public const string AdminApiKey = "test-admin-key";

    public static string ApiKeyDigest => TenantDirectory.Digest(ApiKey);

    public static string AdminApiKeyDigest => TenantDirectory.Digest(AdminApiKey);
}
