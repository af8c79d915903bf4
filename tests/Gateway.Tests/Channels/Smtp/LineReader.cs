using System.Text;

namespace Gateway.Tests.Channels.Smtp;

/// <summary>
/// Reads CRLF lines and DATA content from a stream without reading ahead of what the client sent,
/// so the fake can switch to TLS after STARTTLS with no bytes left behind in a buffer.
/// </summary>
internal sealed class LineReader(Stream stream)
{
    private readonly byte[] _one = new byte[1];

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var bytes = await ReadRawLineAsync(cancellationToken);
        return bytes is null ? null : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The content after DATA up to the lone dot, with dot-stuffing undone (RFC 5321 4.5.2).</summary>
    public async Task<byte[]> ReadDataAsync(CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        while (await ReadRawLineAsync(cancellationToken) is { } line)
        {
            if (line is [(byte)'.'])
            {
                return content.ToArray();
            }

            var start = line is [(byte)'.', ..] ? 1 : 0;
            content.Write(line, start, line.Length - start);
            content.Write("\r\n"u8);
        }

        throw new IOException("The client hung up in the middle of DATA");
    }

    private async Task<byte[]?> ReadRawLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (await stream.ReadAsync(_one, cancellationToken) == 1)
        {
            if (_one[0] == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r')
                {
                    line.RemoveAt(line.Count - 1);
                }

                return line.ToArray();
            }

            line.Add(_one[0]);
        }

        return line.Count == 0 ? null : line.ToArray();
    }
}
