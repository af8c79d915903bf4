using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Store;

/// <summary>The store contract on the embedded Garnet server that `make run` uses: the same Lua scripts, not a second implementation.</summary>
public sealed class GarnetGuardrailStoreTests(GarnetFixture garnet) : GuardrailStoreContract, IClassFixture<GarnetFixture>
{
    protected override string ConnectionString => garnet.Server.ConnectionString;
}
