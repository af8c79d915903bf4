using Gateway.Channels.Resilience;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Configuration;

/// <summary>
/// The README's configuration table is the reference an operator reads: every property of every
/// options class is named in it, and it names no key the gateway would ignore.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void EveryOptionsProperty_IsNamedInTheReadme()
    {
        var documented = ReadmeConfigurationTable.Keys(File.ReadAllText(Path.Combine(RulePresets.RepoRoot, "README.md")));

        var missing = OptionsKeys.Of(typeof(StoreOptions).Assembly).Except(documented, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "settings missing from README.md's configuration table:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryGatewayKeyInTheReadme_IsAnOptionsProperty()
    {
        var documented = ReadmeConfigurationTable.Keys(File.ReadAllText(Path.Combine(RulePresets.RepoRoot, "README.md")));

        var unknown = documented.Where(key => key.StartsWith("Gateway:", StringComparison.Ordinal)).Except(OptionsKeys.Of(typeof(StoreOptions).Assembly), StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0, "keys in README.md that no options class binds:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void EnvironmentVariables_ListItemsByIndex_BindAsTheReadmeShows()
    {
        var prefix = $"GWTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__ApiKeySha256__0", "aa");
        Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__ApiKeySha256__1", "bb");
        Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__LenderName", "Acme Lending");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var tenancy = configuration.GetSection(TenancyOptions.SectionName).Get<TenancyOptions>()!;

            Assert.Equal(["aa", "bb"], tenancy.Tenants["acme"].ApiKeySha256);
            Assert.Equal("Acme Lending", tenancy.Tenants["acme"].LenderName);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__ApiKeySha256__0", null);
            Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__ApiKeySha256__1", null);
            Environment.SetEnvironmentVariable(prefix + "Gateway__Tenants__acme__LenderName", null);
        }
    }

    [Fact]
    public void ListSources_MergeItemByItem_AsTheReadmeWarns()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Admin:ApiKeySha256:0"] = "file-0", ["Gateway:Admin:ApiKeySha256:1"] = "file-1" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Admin:ApiKeySha256:0"] = "env-0" })
            .Build();

        var admin = configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>()!;

        Assert.Equal(["env-0", "file-1"], admin.ApiKeySha256);
    }

    [Fact]
    public void RetryableStatusCodes_Configured_ReplaceTheDefault()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Carriers:Resilience:RetryableStatusCodes:0"] = "503" })
            .Build();

        var resilience = configuration.GetSection(CarrierResilienceOptions.SectionName).Get<CarrierResilienceOptions>()!;

        Assert.Equal([503], resilience.RetryableStatusCodesOrDefault);
    }

    [Fact]
    public void RetryableStatusCodes_NotConfigured_AreTheDefault()
    {
        var resilience = new ConfigurationBuilder().Build().GetSection(CarrierResilienceOptions.SectionName).Get<CarrierResilienceOptions>() ?? new CarrierResilienceOptions();

        Assert.Equal([502, 503], resilience.RetryableStatusCodesOrDefault);
    }
}
