using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Gateway.Requests;

/// <summary>
/// Reads a protobuf <see cref="Timestamp"/> a caller sent. A timestamp can hold seconds the
/// framework cannot represent (past year 9999) or nanos out of range; such a value, or one
/// outside the years this gateway's records can mean, is a field violation, never an exception.
/// </summary>
internal static class TimestampField
{
    /// <summary>No record of this gateway is older, and page tokens count milliseconds from here.</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>Far enough for any retention period a jurisdiction sets; far short of what breaks arithmetic on it.</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instant, or null after adding a violation naming <paramref name="field"/>.</summary>
    public static DateTimeOffset? Read(Timestamp timestamp, string field, List<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(violations);
        if (timestamp.Nanos is < 0 or > 999_999_999
            || timestamp.Seconds < Earliest.ToUnixTimeSeconds() || timestamp.Seconds >= Latest.ToUnixTimeSeconds())
        {
            violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = "must be a valid timestamp from 1970-01-01 to before 2200-01-01 (UTC)" });
            return null;
        }

        return timestamp.ToDateTimeOffset();
    }
}
