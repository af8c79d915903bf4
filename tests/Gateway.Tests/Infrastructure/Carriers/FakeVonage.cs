using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// A Vonage-style SMS API as the carrier checks it: <c>POST /sms/json</c>, a JSON body with
/// api_key, api_secret, from and to as digits without "+", text and client-ref. Answers 200 with
/// one message part of status "0", as the real API does.
/// </summary>
public static class FakeVonage
{
    public const string ApiKey = "test-key";
    public const string ApiSecret = "test-secret";
    public const string From = "+12025550901";

    public static Task<FakeCarrierServer> StartAsync() => FakeCarrierServer.StartAsync(Check, Accept);

    public static Dictionary<string, string?> Settings(FakeCarrierServer vonage) => new()
    {
        ["Gateway:Carriers:Vonage:BaseUrl"] = vonage.Address.ToString(),
        ["Gateway:Carriers:Vonage:ApiKey"] = ApiKey,
        ["Gateway:Carriers:Vonage:ApiSecret"] = ApiSecret,
        ["Gateway:Carriers:Vonage:From"] = From,
        ["Gateway:Carriers:Vonage:MessagesPerSecond"] = "1000",
    };

    private static string? Check(ReceivedRequest request)
    {
        if (request.Method != "POST" || request.Path != "/sms/json")
        {
            return $"unexpected {request.Method} {request.Path}";
        }

        if (!request.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            return "body is not JSON";
        }

        if (request.Fields.GetValueOrDefault("api_key") != ApiKey || request.Fields.GetValueOrDefault("api_secret") != ApiSecret)
        {
            return "wrong credentials";
        }

        if (request.Fields.GetValueOrDefault("from") != From.TrimStart('+') || !request.Fields.TryGetValue("to", out var to) || !to.All(char.IsAsciiDigit))
        {
            return "from or to not digits without +";
        }

        return string.IsNullOrEmpty(request.Fields.GetValueOrDefault("text")) || string.IsNullOrEmpty(request.Fields.GetValueOrDefault("client-ref")) ? "text or client-ref missing" : null;
    }

    private static IResult Accept(ReceivedRequest request, int sequence) => Results.Json(new Dictionary<string, object>
    {
        ["message-count"] = "1",
        ["messages"] = new[] { new Dictionary<string, string> { ["to"] = request.Fields["to"], ["message-id"] = $"VN{sequence:D16}", ["status"] = "0" } },
    });
}
