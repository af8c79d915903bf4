namespace Gateway.Tests.Channels.Smtp;

/// <summary>What the fake SMTP relay does wrong.</summary>
internal enum SmtpFault
{
    None,

    /// <summary>Answers RCPT TO with 550 (no such mailbox).</summary>
    RejectRecipient,

    /// <summary>Greets with 421 and hangs up (relay busy).</summary>
    BusyOnConnect,

    /// <summary>Reads the whole message after DATA, then closes without a reply.</summary>
    CloseAfterData,

    /// <summary>Reads the whole message after DATA, then never answers.</summary>
    HangAfterData,

    /// <summary>Never offers STARTTLS.</summary>
    NoStartTls,
}
