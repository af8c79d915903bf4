using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// Twilio's REST API as the carrier checks it: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// or <c>Calls.json</c>, HTTP basic auth with the account SID and auth token, a form body with
/// To and From, Body for a message or well-formed TwiML for a call, and a StatusCallback. Answers
/// 201 with the created resource's sid (SM… or CA…), as Twilio does.
/// </summary>
public static class FakeTwilio
{
    public const string AccountSid = "ACtest00000000000000000000000000";
    public const string AuthToken = "test-auth-token-0123456789";
    public const string SmsFrom = "+12025550900";
    public const string PublicBaseUrl = "https://gateway.test.example/";

    public static Task<FakeCarrierServer> StartAsync() => FakeCarrierServer.StartAsync(Check, Accept);

    /// <summary>The gateway's settings for this fake, first in the SMS route and the only voice carrier.</summary>
    public static Dictionary<string, string?> Settings(FakeCarrierServer twilio, params string[] failover)
    {
        var settings = Settings(twilio);
        if (failover.Length > 0)
        {
            settings["Gateway:Carriers:Routes:sms:1"] = failover[0];
        }

        return settings;
    }

    private static Dictionary<string, string?> Settings(FakeCarrierServer twilio) => new()
    {
        ["Gateway:Carriers:Twilio:BaseUrl"] = twilio.Address.ToString(),
        ["Gateway:Carriers:Twilio:AccountSid"] = AccountSid,
        ["Gateway:Carriers:Twilio:AuthToken"] = AuthToken,
        ["Gateway:Carriers:Twilio:SmsFrom"] = SmsFrom,
        ["Gateway:Carriers:Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Gateway:Carriers:Twilio:MessagesPerSecond"] = "1000",
        ["Gateway:Carriers:Routes:sms:0"] = "twilio",
        ["Gateway:Carriers:Routes:voice:0"] = "twilio",
        ["Gateway:Carriers:Routes:email:0"] = "outbox",
    };

    private static string? Check(ReceivedRequest request)
    {
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken));
        if (request.Method != "POST" || !request.Path.StartsWith($"/2010-04-01/Accounts/{AccountSid}/", StringComparison.Ordinal))
        {
            return $"unexpected {request.Method} {request.Path}";
        }

        if (request.Authorization != expectedAuth)
        {
            return "missing or wrong basic auth";
        }

        if (!request.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            return "body is not form-encoded";
        }

        if (!request.Fields.TryGetValue("To", out var to) || !to.StartsWith('+') || request.Fields.GetValueOrDefault("From")?.StartsWith('+') != true)
        {
            return "To or From missing or not E.164";
        }

        if (!request.Fields.TryGetValue("StatusCallback", out var callback) || !callback.StartsWith(PublicBaseUrl + "webhooks/twilio/status?", StringComparison.Ordinal))
        {
            return "StatusCallback missing or not on the public base URL";
        }

        return request.Path.EndsWith("/Messages.json", StringComparison.Ordinal)
            ? string.IsNullOrEmpty(request.Fields.GetValueOrDefault("Body")) ? "Body missing" : null
            : request.Path.EndsWith("/Calls.json", StringComparison.Ordinal) ? CheckTwiml(request.Fields.GetValueOrDefault("Twiml")) : "unknown resource";
    }

    private static string? CheckTwiml(string? twiml)
    {
        try
        {
            var say = XElement.Parse(twiml ?? string.Empty).Element("Say");
            return say is null || say.Value.Length == 0 ? "Twiml has no <Say>" : null;
        }
        catch (System.Xml.XmlException ex)
        {
            return "Twiml is not XML: " + ex.Message;
        }
    }

    private static IResult Accept(ReceivedRequest request, int sequence)
    {
        var prefix = request.Path.EndsWith("/Calls.json", StringComparison.Ordinal) ? "CA" : "SM";
        return Results.Json(new { sid = $"{prefix}{sequence:D32}", status = "queued", account_sid = AccountSid }, statusCode: 201);
    }
}
