using Gateway.Decisions;
using Gateway.Rules;
using Gateway.Store;
using Gateway.V1;

namespace Gateway.Tests.Reserve;

/// <summary>
/// A store that answers the reserve step as it is told: a fixed reservation (or an outage), then
/// a queue of answers for a key another request is deciding, the last one repeated.
/// </summary>
internal sealed class FakeReservationStore(Reservation reservation) : IReservationStore
{
    private readonly Queue<(Decision? Decision, bool InFlight)> _keyAnswers = new();

    private (Decision? Decision, bool InFlight) _lastKeyAnswer = (null, true);

    public bool Unavailable { get; init; }

    public int KeyReads { get; private set; }

    public IReadOnlyList<CapRule>? CapsAsked { get; private set; }

    public FakeReservationStore ThenKey(Decision? decision, bool inFlight)
    {
        _keyAnswers.Enqueue((decision, inFlight));
        return this;
    }

    public Task<Reservation> CheckAndReserveAsync(DecisionContext context, IReadOnlyList<CapRule> caps, CancellationToken cancellationToken)
    {
        CapsAsked = caps;
        return Unavailable ? throw new StoreUnavailableException("fake store down", new TimeoutException()) : Task.FromResult(reservation);
    }

    public Task<(Decision? Decision, bool InFlight)> GetDecisionByIdempotencyKeyAsync(string tenantId, string debtorId, string idempotencyKey, CancellationToken cancellationToken)
    {
        KeyReads++;
        if (_keyAnswers.TryDequeue(out var answer))
        {
            _lastKeyAnswer = answer;
        }

        return Task.FromResult(_lastKeyAnswer);
    }
}
