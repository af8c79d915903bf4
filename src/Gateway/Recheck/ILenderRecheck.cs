using Gateway.Decisions;

namespace Gateway.Recheck;

/// <summary>
/// The last-second questions to the lender (is the debt still owed, is the contact point still
/// this debtor's). <see cref="LenderRecheck"/> asks them over gRPC; the seam lets the recheck step
/// be tested alone against a fake.
/// </summary>
internal interface ILenderRecheck
{
    /// <summary>The recheck's verdicts; never throws for a lender failure, which is an unavailable verdict.</summary>
    Task<RecheckResult> RecheckAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken);
}
