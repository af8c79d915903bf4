using Gateway.Decisions;
using System.Text;
using System.Text.Json;
using Gateway.Rules;
using Gateway.V1;
using Microsoft.Extensions.Options;

namespace Gateway.Channels.Outbox;

/// <summary>
/// The sandbox carrier: "delivers" every channel by appending one JSON line per message to a file,
/// so a newcomer (and a test) can see exactly what a recipient would receive. Several gateway
/// processes may share one outbox: .NET's append mode seeks to the end when the file is opened
/// (it is not O_APPEND), so writers take turns through an exclusive lock on a lock file beside it
/// (an flock on Unix), or two processes could write over each other's line. Readers of the outbox
/// itself are never locked out.
/// </summary>
internal sealed class OutboxCarrier(IOptions<CarrierOptions> options, TimeProvider time, WallClock wall) : ICarrier, IDisposable
{
    public const string CarrierName = "outbox";

    private readonly string _path = Path.GetFullPath(options.Value.OutboxPath!);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => CarrierName;

    public bool Serves(Channel channel) => channel != Channel.Unspecified;

    public async Task<CarrierResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = "OB" + Guid.NewGuid().ToString("N");
        var line = JsonSerializer.Serialize(new OutboxLine(
            messageId,
            message.ReminderId,
            message.TenantId,
            RuleNames.Of(message.Channel),
            message.To.Value,
            message.TemplateId,
            message.Locale,
            message.Content.Subject,
            message.Content.Body,
            time.GetUtcNow()), OutboxLine.JsonOptions) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await using var writersLock = await LockAsync(cancellationToken).ConfigureAwait(false);
            await using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return CarrierResult.Accept(CarrierName, messageId);
    }

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(_path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 2000)
            {
                // Another process holds the file for its own line: wait a moment (real time, not the
                // business clock, which a test may hold still) and try again.
                await Task.Delay(TimeSpan.FromMilliseconds(5), wall.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _gate.Dispose();
}
