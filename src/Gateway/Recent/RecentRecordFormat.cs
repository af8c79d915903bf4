using System.Buffers.Text;
using Gateway.V1;
using Google.Protobuf;

namespace Gateway.Recent;

/// <summary>
/// One entry of the recent-decisions log as stored: the decision instant as 13 ASCII digits of
/// milliseconds (so the retention sweep in Lua and the reader can judge its age without parsing
/// it), a format byte, the <see cref="RecordedDecision"/> (length-delimited), then the request
/// sealed by <see cref="Deferral.PayloadProtector"/>. Only the sealed part holds a contact point.
/// </summary>
internal static class RecentRecordFormat
{
    public const int InstantDigits = 13;
    private const byte FormatV1 = 1;

    /// <summary>The entry as one array, sized up front: the writer makes one per decided request, so it allocates nothing else.</summary>
    public static byte[] Write(RecordedDecision recorded, ReadOnlySpan<byte> sealedRequest)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var size = recorded.CalculateSize();
        var header = InstantDigits + 1 + CodedOutputStream.ComputeLengthSize(size);
        var entry = new byte[header + size + sealedRequest.Length];
        var instant = recorded.DecidedAt.ToDateTimeOffset().ToUnixTimeMilliseconds();
        Utf8Formatter.TryFormat(instant, entry.AsSpan(0, InstantDigits), out _, new System.Buffers.StandardFormat('D', InstantDigits));
        entry[InstantDigits] = FormatV1;

        // The length as a varint (as WriteDelimitedTo writes it), then the message and the sealed request.
        var at = InstantDigits + 1;
        for (var length = (uint)size; ; length >>= 7)
        {
            if (length < 0x80)
            {
                entry[at++] = (byte)length;
                break;
            }

            entry[at++] = (byte)((length & 0x7F) | 0x80);
        }

        recorded.WriteTo(entry.AsSpan(header, size));
        sealedRequest.CopyTo(entry.AsSpan(header + size));
        return entry;
    }

    /// <summary>The decision instant of an entry (ms since the epoch), or null when the entry is damaged.</summary>
    public static long? InstantOf(ReadOnlySpan<byte> entry) =>
        entry.Length > InstantDigits && Utf8Parser.TryParse(entry[..InstantDigits], out long instant, out var consumed) && consumed == InstantDigits ? instant : null;

    /// <summary>Splits an entry into its recorded decision and its sealed request; false when it is damaged.</summary>
    public static bool TryRead(byte[] entry, out RecordedDecision recorded, out ReadOnlyMemory<byte> sealedRequest)
    {
        ArgumentNullException.ThrowIfNull(entry);
        recorded = new RecordedDecision();
        sealedRequest = ReadOnlyMemory<byte>.Empty;
        if (InstantOf(entry) is null || entry[InstantDigits] != FormatV1)
        {
            return false;
        }

        try
        {
            using var stream = new MemoryStream(entry, InstantDigits + 1, entry.Length - InstantDigits - 1, writable: false);
            recorded = RecordedDecision.Parser.ParseDelimitedFrom(stream);
            sealedRequest = entry.AsMemory(InstantDigits + 1 + (int)stream.Position);
            return recorded.DecidedAt is not null && recorded.ReminderId.Length > 0;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
