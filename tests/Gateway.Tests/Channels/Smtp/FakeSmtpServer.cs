using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gateway.Tests.Channels.Smtp;

/// <summary>
/// An SMTP relay on loopback that speaks the real protocol (RFC 5321, STARTTLS per RFC 3207, AUTH
/// PLAIN and LOGIN per RFC 4954): it refuses AUTH and MAIL before TLS, checks the credentials,
/// records each message exactly as written after DATA (dot-unstuffed), and injects one fault.
/// </summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    public const string User = "gateway";
    public const string Password = "relay-pa55";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate;
    private readonly SmtpFault _fault;
    private readonly string _mechanisms;
    private readonly Task _accepting;

    private FakeSmtpServer(X509Certificate2 certificate, SmtpFault fault, string mechanisms)
    {
        _certificate = certificate;
        _fault = fault;
        _mechanisms = mechanisms;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    /// <summary>Every command line received, in order (AUTH payloads included), to check what was said in the clear.</summary>
    public ConcurrentQueue<string> Transcript { get; } = new();

    public static FakeSmtpServer Start(X509Certificate2 certificate, SmtpFault fault = SmtpFault.None, string mechanisms = "PLAIN LOGIN") =>
        new(certificate, fault, mechanisms);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await ServeAsync(client.GetStream());
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                    {
                        // The client hung up; the session ends.
                    }
                }
            });
        }
    }

    private async Task ServeAsync(NetworkStream network)
    {
        Stream stream = network;
        var reader = new LineReader(stream);
        if (_fault == SmtpFault.BusyOnConnect)
        {
            await WriteAsync(stream, "421 4.3.2 fake.test Service not available, try later");
            return;
        }

        await WriteAsync(stream, "220 fake.test ESMTP ready");
        var tls = false;
        string? user = null;
        string? mechanism = null;
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            Transcript.Enqueue(line);
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    var offers = new List<string> { "fake.test" };
                    if (!tls && _fault != SmtpFault.NoStartTls)
                    {
                        offers.Add("STARTTLS");
                    }

                    if (tls)
                    {
                        offers.Add("AUTH " + _mechanisms);
                    }

                    await WriteAsync(stream, string.Join("\r\n", offers.Select((offer, i) => (i == offers.Count - 1 ? "250 " : "250-") + offer)));
                    break;
                case "STAR" when !tls:
                    await WriteAsync(stream, "220 2.0.0 Ready to start TLS");
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    stream = ssl;
                    reader = new LineReader(stream);
                    tls = true;
                    break;
                case "AUTH" when !tls:
                    await WriteAsync(stream, "530 5.7.0 Must issue a STARTTLS command first");
                    break;
                case "AUTH":
                    (user, mechanism) = await AuthenticateAsync(stream, reader, line);
                    await WriteAsync(stream, user is null ? "535 5.7.8 Authentication credentials invalid" : "235 2.7.0 Authentication successful");
                    break;
                case "MAIL" when user is null:
                    await WriteAsync(stream, "530 5.7.0 Authentication required");
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await WriteAsync(stream, "250 2.1.0 Ok");
                    break;
                case "RCPT" when _fault == SmtpFault.RejectRecipient:
                    await WriteAsync(stream, $"550 5.1.1 <{Address(line)}>: Recipient address rejected: User unknown");
                    break;
                case "RCPT":
                    recipients.Add(Address(line));
                    await WriteAsync(stream, "250 2.1.5 Ok");
                    break;
                case "DATA" when from is null || recipients.Count == 0:
                    await WriteAsync(stream, "503 5.5.1 Bad sequence of commands");
                    break;
                case "DATA":
                    await WriteAsync(stream, "354 End data with <CR><LF>.<CR><LF>");
                    var content = await reader.ReadDataAsync(_stop.Token);
                    if (_fault == SmtpFault.CloseAfterData)
                    {
                        return;
                    }

                    if (_fault == SmtpFault.HangAfterData)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    Messages.Enqueue(new ReceivedMail(user!, mechanism!, tls, from, recipients.ToArray(), content));
                    await WriteAsync(stream, "250 2.0.0 Ok: queued as FAKE1");
                    from = null;
                    recipients.Clear();
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await WriteAsync(stream, "250 2.0.0 Ok");
                    break;
                case "NOOP":
                    await WriteAsync(stream, "250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await WriteAsync(stream, "221 2.0.0 Bye");
                    return;
                default:
                    await WriteAsync(stream, "502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task<(string? User, string Mechanism)> AuthenticateAsync(Stream stream, LineReader reader, string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts[1].ToUpperInvariant();
        if (!_mechanisms.Split(' ').Contains(mechanism, StringComparer.Ordinal))
        {
            return (null, mechanism);
        }

        string username, password;
        if (mechanism == "PLAIN")
        {
            var payload = parts.Length > 2 ? parts[2] : await ChallengeAsync(stream, reader, string.Empty);
            var fields = Decode(payload).Split('\0');
            (username, password) = (fields[1], fields[2]);
        }
        else
        {
            username = Decode(parts.Length > 2 ? parts[2] : await ChallengeAsync(stream, reader, "Username:"));
            password = Decode(await ChallengeAsync(stream, reader, "Password:"));
        }

        return (username == User && password == Password ? username : null, mechanism);
    }

    private async Task<string> ChallengeAsync(Stream stream, LineReader reader, string prompt)
    {
        await WriteAsync(stream, "334 " + Convert.ToBase64String(Encoding.ASCII.GetBytes(prompt)));
        return await reader.ReadLineAsync(_stop.Token) ?? string.Empty;
    }

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf('>', start)];
    }

    private static async Task WriteAsync(Stream stream, string reply)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"));
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
