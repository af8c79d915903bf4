using MailKit;

namespace Gateway.Channels.Smtp;

/// <summary>
/// Tells whether the message content started going out, that is, the relay answered DATA with 354.
/// MailKit reports progress only while it writes the content, so before the first report nothing
/// the relay could deliver has left; after it, a lost connection leaves the outcome unknown.
/// </summary>
internal sealed class DataProgress : ITransferProgress
{
    private volatile bool _started;

    public bool Started => _started;

    public void Report(long bytesTransferred, long totalSize) => _started = true;

    public void Report(long bytesTransferred) => _started = true;
}
