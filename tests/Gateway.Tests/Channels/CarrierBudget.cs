using Gateway.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Channels;

/// <summary>
/// Runs out a carrier's request budget on a fake wall clock, so that a test of the budget does not
/// depend on how fast a loaded machine fetches tokens, shakes hands or connects.
/// </summary>
internal static class CarrierBudget
{
    /// <summary>
    /// Waits (bounded only against a broken fake) until the fake carrier holds the request, then moves
    /// the wall clock one tick short of the budget, where the send must still wait, and onto it.
    /// </summary>
    public static async Task<CarrierResult> RunOutAsync(Task<CarrierResult> sending, Task carrierHoldsTheRequest, FakeTimeProvider wall, TimeSpan budget)
    {
        await carrierHoldsTheRequest.WaitAsync(TimeSpan.FromSeconds(30));
        wall.Advance(budget - TimeSpan.FromTicks(1));
        Assert.False(sending.IsCompleted, "the send ended before its budget ran out");
        wall.Advance(TimeSpan.FromTicks(1));
        return await sending.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
