using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Recent;

/// <summary>The recent-decisions log on the embedded Garnet server that `make run` uses.</summary>
public sealed class GarnetRecentDecisionsTests(GarnetFixture garnet) : RecentDecisionsContract, IClassFixture<GarnetFixture>
{
    protected override string ConnectionString => garnet.Server.ConnectionString;
}
