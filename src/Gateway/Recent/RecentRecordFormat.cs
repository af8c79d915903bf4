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

    public static byte[] Write(RecordedDecision recorded, ReadOnlySpan<byte> sealedRequest)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        using var stream = new MemoryStream();
        var instant = recorded.DecidedAt.ToDateTimeOffset().ToUnixTimeMilliseconds();
        Span<byte> digits = stackalloc byte[InstantDigits];
        Utf8Formatter.TryFormat(instant, digits, out _, new System.Buffers.StandardFormat('D', InstantDigits));
        stream.Write(digits);
        stream.WriteByte(FormatV1);
        recorded.WriteDelimitedTo(stream);
        stream.Write(sealedRequest);
        return stream.ToArray();
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
