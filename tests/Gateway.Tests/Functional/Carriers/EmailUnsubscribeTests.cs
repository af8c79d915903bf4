using System.Net;
using System.Text.RegularExpressions;
using Gateway.Tests.Channels.Smtp;
using Gateway.Tests.Infrastructure;
using Gateway.V1;

namespace Gateway.Tests.Functional.Carriers;

/// <summary>
/// An email's one-click unsubscribe link, end to end: the reminder goes out through a real SMTP
/// exchange, the link from its List-Unsubscribe header is posted back, and the next reminder to that
/// address is suppressed. A forged link and a mere visit change nothing.
/// </summary>
[Collection(RedisTests.Name)]
public sealed partial class EmailUnsubscribeTests(RedisFixture redis)
{
    [Fact]
    public async Task OneClickUnsubscribe_NextEmailSuppressedOptedOut_ForgedOrVisitedChangesNothing()
    {
        await using var relay = FakeSmtpServer.Start(TestCertificate.Server);
        await using var env = await TestEnvironment.StartAsync(redis.Server.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Gateway:Carriers:Routes:email:0"] = "smtp",
            ["Gateway:Carriers:Smtp:Host"] = IPAddress.Loopback.ToString(),
            ["Gateway:Carriers:Smtp:Port"] = relay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:Carriers:Smtp:Username"] = FakeSmtpServer.User,
            ["Gateway:Carriers:Smtp:Password"] = FakeSmtpServer.Password,
            ["Gateway:Carriers:Smtp:FromAddress"] = "reminders@lender.example",
            ["Gateway:Carriers:Smtp:UnsubscribeMailto"] = "unsubscribe@lender.example",
            ["Gateway:Carriers:Smtp:UnsubscribeUrl"] = "https://lender.example/unsubscribe",
            ["Gateway:Carriers:Smtp:UnsubscribeTokenKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Gateway:Carriers:Smtp:TrustedCertificateSha256"] = TestCertificate.Sha256,
        });
        var (debtor, debt, _, email) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7501);
        var (other, otherDebt, _, otherEmail) = TestSeed.AddDueDebtor(env.Lender.Ledger, 7502);

        var first = await env.Gateway.SendAsync(TestReminders.OverdueEmail(debtor, debt, email));
        var otherFirst = await env.Gateway.SendAsync(TestReminders.OverdueEmail(other, otherDebt, otherEmail));
        var mails = relay.Messages.Select(mail => mail.Parse()).ToList();
        var link = UnsubscribeLink(mails.Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal)).Headers["List-Unsubscribe"]);
        var otherLink = UnsubscribeLink(mails.Single(m => m.To.ToString().Contains(otherEmail, StringComparison.Ordinal)).Headers["List-Unsubscribe"]);

        using var http = new HttpClient { BaseAddress = env.Gateway.HttpAddress };
        var visited = await http.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var forgedToken = otherLink.Query[7..^3] + (otherLink.Query[^3] == 'A' ? "B" : "A") + otherLink.Query[^2..];
        var forged = await http.PostAsync(new Uri("/unsubscribe?token=" + forgedToken, UriKind.Relative), OneClick());
        var unsubscribed = await http.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), OneClick());
        var after = await env.Gateway.SendAsync(TestReminders.OverdueEmail(debtor, debt, email));
        var otherAfter = await env.Gateway.SendAsync(TestReminders.OverdueEmail(other, otherDebt, otherEmail));

        Assert.Equal(Outcome.Sent, first.Outcome);
        Assert.Equal("smtp", first.Carrier);
        Assert.Equal(Outcome.Sent, otherFirst.Outcome);
        Assert.Equal("https", link.Scheme);
        Assert.DoesNotContain(email, link.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, visited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(Outcome.Suppressed, after.Outcome);
        Assert.Equal([ReasonCode.OptedOut], after.Reasons);
        Assert.Equal(Outcome.Sent, otherAfter.Outcome);
        Assert.Equal(3, relay.Messages.Count);
    }

    private static FormUrlEncodedContent OneClick() => new([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);

    private static Uri UnsubscribeLink(string? header) => new(HttpsLink().Match(header ?? string.Empty).Groups[1].Value);

    [GeneratedRegex("<(https://[^>]+)>")]
    private static partial Regex HttpsLink();
}
