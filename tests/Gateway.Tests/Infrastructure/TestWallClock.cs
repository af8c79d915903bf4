using Gateway.Decisions;

namespace Gateway.Tests.Infrastructure;

/// <summary>The wall clock for tests whose deadlines and timeouts are real (real sockets, real servers).</summary>
internal static class TestWallClock
{
    public static WallClock Real { get; } = new(TimeProvider.System);
}
