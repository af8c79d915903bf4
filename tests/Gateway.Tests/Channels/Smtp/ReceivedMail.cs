using MimeKit;

namespace Gateway.Tests.Channels.Smtp;

/// <summary>One message the fake relay received: the envelope as sent and the content as written after DATA.</summary>
internal sealed record ReceivedMail(string AuthenticatedAs, string AuthMechanism, bool OverTls, string MailFrom, IReadOnlyList<string> Recipients, byte[] Content)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Content));
}
