using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>One cap's part of a reserve.lua call: its sorted set and the bounds of the period it counts.</summary>
/// <param name="FloorMs">Entries later than this count.</param>
/// <param name="WindowMs">A sliding window's length; 0 for a calendar period.</param>
/// <param name="ResetMs">When a calendar period ends; 0 for a sliding window.</param>
/// <param name="SpanMs">How long entries matter to the cap.</param>
/// <param name="Reserves">True when the cap counts attempts and this reminder is one; false when it counts conversations, which only RecordContact adds.</param>
internal sealed record ReserveCap(RedisKey Key, long FloorMs, long Limit, long WindowMs, long ResetMs, long SpanMs, bool Reserves);
