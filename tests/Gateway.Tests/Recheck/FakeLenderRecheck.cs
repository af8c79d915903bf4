using Gateway.Decisions;
using Gateway.Recheck;

namespace Gateway.Tests.Recheck;

/// <summary>A lender whose recheck answers as it is told, and which remembers the deadline it was given.</summary>
internal sealed class FakeLenderRecheck(RecheckResult answer) : ILenderRecheck
{
    public DateTime? DeadlineGiven { get; private set; }

    public Task<RecheckResult> RecheckAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        DeadlineGiven = callerDeadline;
        return Task.FromResult(answer);
    }
}
