using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Tests.Channels.Apns;

/// <summary>
/// APNs on loopback Kestrel: HTTP/2 only, over TLS with the test's self-signed certificate. Like
/// Apple, it refuses a request that is not HTTP/2, a path other than /3/device/{token}, a provider
/// token whose ES256 signature does not verify with the team's public key or whose kid, iss or iat
/// is wrong, and a push without the topic, push type, priority, expiration or a UUID apns-id.
/// </summary>
internal sealed class FakeApns : IAsyncDisposable
{
    public const string KeyId = "ABC123DEFG";
    public const string TeamId = "DEF123GHIJ";
    public const string Topic = "com.acme.lending";

    private static readonly string[] RequiredHeaders = ["apns-topic", "apns-push-type", "apns-priority", "apns-expiration", "apns-id"];
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ApnsFault _fault;
    private readonly Func<DateTimeOffset> _now;
    private LoopbackServer? _server;

    private FakeApns(ApnsFault fault, Func<DateTimeOffset> now)
    {
        _fault = fault;
        _now = now;
    }

    public Uri BaseUrl => _server!.Address;

    /// <summary>The .p8 key as Apple lets a developer download it once.</summary>
    public string PrivateKey => _key.ExportPkcs8PrivateKeyPem();

    public ConcurrentQueue<ApnsPush> Pushes { get; } = new();

    /// <summary>Why requests were refused as malformed; empty when the wire format was right.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Completes once the fake (fault Hang) has read a request in full and begun not to answer it.</summary>
    public Task Hanging => _hanging.Task;

    public static async Task<FakeApns> StartAsync(Func<DateTimeOffset> now, ApnsFault fault = ApnsFault.None)
    {
        var fake = new FakeApns(fault, now);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync, TestCertificate.Server, HttpProtocols.Http2);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var problem = Check(request);
        if (problem is not null)
        {
            Refusals.Enqueue(problem);
            await ReasonAsync(context, problem.StartsWith("token", StringComparison.Ordinal) ? 403 : 400, problem.StartsWith("token", StringComparison.Ordinal) ? "InvalidProviderToken" : "BadPath");
            return;
        }

        var headers = RequiredHeaders.ToDictionary(name => name, name => request.Headers[name].ToString());
        var payload = await JsonNode.ParseAsync(request.Body);
        Pushes.Enqueue(new ApnsPush(request.Path.Value!["/3/device/".Length..], headers, request.Headers.Authorization.ToString()["bearer ".Length..], payload!));
        context.Response.Headers["apns-id"] = headers["apns-id"];
        switch (_fault)
        {
            case ApnsFault.None:
                return;
            case ApnsFault.Hang:
                _hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            case ApnsFault.BadDeviceToken:
                await ReasonAsync(context, 400, "BadDeviceToken");
                return;
            case ApnsFault.Unregistered:
                await ReasonAsync(context, 410, "Unregistered");
                return;
            case ApnsFault.TooManyRequests:
                await ReasonAsync(context, 429, "TooManyRequests");
                return;
            case ApnsFault.InternalServerError:
                await ReasonAsync(context, 500, "InternalServerError");
                return;
            case ApnsFault.ServiceUnavailable:
                await ReasonAsync(context, 503, "ServiceUnavailable");
                return;
            case ApnsFault.ExpiredProviderToken:
                await ReasonAsync(context, 403, "ExpiredProviderToken");
                return;
        }
    }

    private string? Check(HttpRequest request)
    {
        if (request.Protocol != "HTTP/2" || request.Method != "POST" || request.Path.Value?.StartsWith("/3/device/", StringComparison.Ordinal) != true)
        {
            return $"not POST /3/device/{{token}} over HTTP/2: {request.Protocol} {request.Method} {request.Path}";
        }

        var authorization = request.Headers.Authorization.ToString();
        var jwt = authorization.StartsWith("bearer ", StringComparison.Ordinal) ? TestJwt.TryParse(authorization["bearer ".Length..]) : null;
        if (jwt is null || jwt.HeaderText("alg") != "ES256" || !_key.VerifyData(jwt.SignedPart, jwt.Signature, HashAlgorithmName.SHA256))
        {
            return "token: not an ES256 JWT signed with the team's key";
        }

        var issuedAt = jwt.Payload.TryGetProperty("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat.GetInt64()) : DateTimeOffset.MinValue;
        if (jwt.HeaderText("kid") != KeyId || jwt.Text("iss") != TeamId || _now() - issuedAt > TimeSpan.FromHours(1) || issuedAt > _now())
        {
            return $"token: wrong kid, iss or iat: {jwt.Header} {jwt.Payload}";
        }

        var missing = RequiredHeaders.Where(name => string.IsNullOrEmpty(request.Headers[name])).ToArray();
        if (missing.Length > 0 || !Guid.TryParse(request.Headers["apns-id"], out _) || request.Headers["apns-topic"] != Topic)
        {
            return "headers missing or malformed: " + string.Join(", ", missing);
        }

        return null;
    }

    private static Task ReasonAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { reason });
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _key.Dispose();
    }
}
