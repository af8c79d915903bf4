using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The rule version store on the embedded Garnet server that `make run` uses.</summary>
public sealed class GarnetRuleSetStoreTests(GarnetFixture garnet) : RuleSetStoreContract, IClassFixture<GarnetFixture>
{
    protected override string ConnectionString => garnet.Server.ConnectionString;
}
