using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// reserve.lua behind typed arguments and a typed reply. The positional layout of its keys,
/// arguments and reply is written here once: the script reads where the caps begin and how many
/// values each has from the constants this class defines in front of it.
/// </summary>
internal static class ReserveScript
{
    private const int KeysBeforeCaps = 4;
    private const int ArgumentsBeforeCaps = 12;
    private const int ArgumentsPerCap = 6;
    private const int ReplyBeforeCaps = 5;

    public static readonly string Text =
        $"local FIRST_CAP_KEY, FIRST_CAP_ARG, ARGS_PER_CAP = {KeysBeforeCaps + 1}, {ArgumentsBeforeCaps + 1}, {ArgumentsPerCap}\n" + LuaScripts.Load("reserve");

    public static (RedisKey[] Keys, RedisValue[] Values) Encode(ReserveArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var caps = arguments.Caps;
        var keys = new RedisKey[KeysBeforeCaps + caps.Count];
        keys[0] = arguments.Idempotency;
        keys[1] = arguments.Consent;
        keys[2] = arguments.Pending;
        keys[3] = arguments.HeldOrPending;
        var values = new RedisValue[ArgumentsBeforeCaps + (caps.Count * ArgumentsPerCap)];
        values[0] = arguments.Now.ToUnixTimeMilliseconds();
        values[1] = arguments.ReminderId;
        values[2] = arguments.Fingerprint;
        values[3] = (long)arguments.IdempotencyTtl.TotalMilliseconds;
        values[4] = arguments.ConsentField;
        values[5] = arguments.ConsentRequired ? 1 : 0;
        values[6] = arguments.Mode switch { DecisionMode.Send => 0, DecisionMode.DryRun => 1, _ => 2 };
        values[7] = (long)arguments.Lease.TotalMilliseconds;
        values[8] = caps.Count == 0 ? 0 : caps.Max(cap => cap.SpanMs);
        values[9] = arguments.Releasing ? 1 : 0;
        values[10] = arguments.Channel;
        values[11] = arguments.LocalTimes;
        for (var i = 0; i < caps.Count; i++)
        {
            var cap = caps[i];
            var at = ArgumentsBeforeCaps + (i * ArgumentsPerCap);
            keys[KeysBeforeCaps + i] = cap.Key;
            values[at] = cap.FloorMs;
            values[at + 1] = cap.Limit;
            values[at + 2] = cap.WindowMs;
            values[at + 3] = cap.ResetMs;
            values[at + 4] = cap.SpanMs;
            values[at + 5] = cap.Reserves ? 1 : 0;
        }

        return (keys, values);
    }

    public static Reservation Decode(RedisResult[] reply, IReadOnlyList<CapRule> caps)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(caps);
        var status = (string)reply[0]! switch
        {
            "RESERVED" => ReservationStatus.Reserved,
            "OK" => ReservationStatus.WouldReserve,
            "CAP" => ReservationStatus.CapExceeded,
            "DUPLICATE" => ReservationStatus.Duplicate,
            "IN_FLIGHT" => ReservationStatus.InFlight,
            "CONFLICT" => ReservationStatus.Conflict,
            "OPTED_OUT" => ReservationStatus.OptedOut,
            "CONSENT_MISSING" => ReservationStatus.ConsentMissing,
            "CANCELLED" => ReservationStatus.Cancelled,
            "CHANNEL_NOT_PREFERRED" => ReservationStatus.ChannelNotPreferred,
            "OUTSIDE_STATED_HOURS" => ReservationStatus.OutsideStatedHours,
            var other => throw new InvalidOperationException($"reserve.lua answered an unknown status '{other}'"),
        };

        var counts = new List<CapCount>(caps.Count);
        for (var i = 0; i < caps.Count && reply.Length >= ReplyBeforeCaps + (i * 2) + 2; i++)
        {
            var freesAt = (long)reply[ReplyBeforeCaps + (i * 2) + 1];
            counts.Add(new CapCount(caps[i], (long)reply[ReplyBeforeCaps + (i * 2)], freesAt > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(freesAt) : null));
        }

        var reminderId = TextAt(reply, 1);
        var stored = reply.Length > 2 ? (byte[]?)reply[2] : null;
        return new Reservation(
            status,
            counts,
            string.IsNullOrEmpty(reminderId) ? null : reminderId,
            stored is { Length: > 0 } ? Decision.Parser.ParseFrom(stored) : null)
        {
            StatedPreferencesMet = TextAt(reply, 3) == "1",
            StatedWindows = PreferenceFields.ParseWindows(TextAt(reply, 4)),
        };
    }

    private static string? TextAt(RedisResult[] reply, int index) => reply.Length > index ? (string?)reply[index] : null;
}
