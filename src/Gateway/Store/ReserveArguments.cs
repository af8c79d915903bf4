using Gateway.Decisions;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>Everything reserve.lua is given, by name; <see cref="ReserveScript"/> lays it out.</summary>
/// <param name="HeldOrPending">The held reminder's hash when this decision releases one, else any key of the slot.</param>
/// <param name="ConsentField">The consent hash's field suffix: channel and contact hash.</param>
/// <param name="LocalTimes">The decision instant's local weekday and minute in each candidate zone ('day:minute,…').</param>
internal sealed record ReserveArguments(
    RedisKey Idempotency,
    RedisKey Consent,
    RedisKey Pending,
    RedisKey HeldOrPending,
    DateTimeOffset Now,
    string ReminderId,
    string Fingerprint,
    TimeSpan IdempotencyTtl,
    string ConsentField,
    bool ConsentRequired,
    DecisionMode Mode,
    TimeSpan Lease,
    bool Releasing,
    string Channel,
    string LocalTimes,
    IReadOnlyList<ReserveCap> Caps);
