using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Store;

/// <summary>
/// What the reserve step needs of the store: the one round trip that checks and reserves, and
/// the read of a key another request is still deciding. <see cref="GuardrailStore"/> is the only
/// implementation; the seam lets the step be tested alone against a fake.
/// </summary>
internal interface IReservationStore
{
    /// <summary>Checks idempotency, consent, the debtor's stated preferences and every cap in <paramref name="caps"/>, and reserves the send when all pass.</summary>
    /// <exception cref="StoreUnavailableException">The store did not answer within its budget.</exception>
    Task<Reservation> CheckAndReserveAsync(DecisionContext context, IReadOnlyList<CapRule> caps, CancellationToken cancellationToken);

    /// <summary>The decision bound to an idempotency key, or whether the key is still being decided.</summary>
    Task<(Decision? Decision, bool InFlight)> GetDecisionByIdempotencyKeyAsync(string tenantId, string debtorId, string idempotencyKey, CancellationToken cancellationToken);
}
