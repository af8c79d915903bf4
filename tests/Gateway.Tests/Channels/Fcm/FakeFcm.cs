using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Channels.Fcm;

/// <summary>
/// Google's OAuth2 token endpoint and FCM HTTP v1, faked on two loopback Kestrel servers. The token
/// endpoint takes only a JWT-bearer grant whose assertion is signed with the service account's key
/// (RS256) and names the account, the FCM scope and Google's token audience; FCM takes only a bearer token the
/// token endpoint issued, on the project's <c>messages:send</c> path, and records the JSON body.
/// </summary>
internal sealed class FakeFcm : IAsyncDisposable
{
    public const string Project = TestServiceAccount.Project;

    /// <summary>The audience Google's token endpoint demands, whatever address the assertion was posted to.</summary>
    private const string GoogleTokenAudience = "https://oauth2.googleapis.com/token";

    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _issued = new();
    private readonly FcmFault _fault;
    private LoopbackServer? _tokenServer;
    private LoopbackServer? _fcm;

    private FakeFcm(FcmFault fault) => _fault = fault;

    public Uri TokenUri => new(_tokenServer!.Address, "/token");

    public Uri BaseUrl => _fcm!.Address;

    public string ServiceAccountJson => TestServiceAccount.Json(_key);

    public int TokenRequests => _issued.Count + RefusedTokenRequests.Count;

    /// <summary>Why token requests were refused; empty when every assertion was valid.</summary>
    public ConcurrentQueue<string> RefusedTokenRequests { get; } = new();

    public ConcurrentQueue<JsonNode> Sends { get; } = new();

    /// <summary>Completes once the fake (fault Hang) has read a request in full and begun not to answer it.</summary>
    public Task Hanging => _hanging.Task;

    public static async Task<FakeFcm> StartAsync(FcmFault fault = FcmFault.None)
    {
        var fake = new FakeFcm(fault);
        fake._tokenServer = await LoopbackServer.StartAsync(fake.TokenAsync);
        fake._fcm = await LoopbackServer.StartAsync(fake.SendAsync);
        return fake;
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var problem = CheckGrant(context.Request.Path, form["grant_type"], form["assertion"]);
        if (problem is not null || _fault == FcmFault.TokenRefused)
        {
            RefusedTokenRequests.Enqueue(problem ?? "refused by fault injection");
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = problem ?? "Invalid JWT Signature." });
            return;
        }

        var token = "ya29.fake-" + Guid.NewGuid().ToString("N");
        _issued.Enqueue(token);
        await context.Response.WriteAsJsonAsync(new { access_token = token, expires_in = 3599, token_type = "Bearer" });
    }

    private string? CheckGrant(PathString path, string? grantType, string? assertion)
    {
        if (path != "/token" || grantType != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            return $"not a JWT-bearer grant on /token: {path} {grantType}";
        }

        var jwt = TestJwt.TryParse(assertion);
        if (jwt is null || jwt.HeaderText("alg") != "RS256" || !_key.VerifyData(jwt.SignedPart, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "the assertion is not an RS256 JWT signed with the service account's key";
        }

        if (jwt.HeaderText("kid") != TestServiceAccount.KeyId || jwt.Text("iss") != TestServiceAccount.ClientEmail || jwt.Text("scope") != "https://www.googleapis.com/auth/firebase.messaging" || jwt.Text("aud") != GoogleTokenAudience)
        {
            return $"unexpected claims: {jwt.Header} {jwt.Payload}";
        }

        return null;
    }

    private async Task SendAsync(HttpContext context)
    {
        if (context.Request.Path != $"/v1/projects/{Project}/messages:send" || context.Request.Method != "POST")
        {
            await ErrorAsync(context, 404, "NOT_FOUND", null);
            return;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_issued.Contains(authorization["Bearer ".Length..]))
        {
            await ErrorAsync(context, 401, "UNAUTHENTICATED", null);
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        Sends.Enqueue(body!);
        switch (_fault)
        {
            case FcmFault.Unregistered:
                await ErrorAsync(context, 404, "NOT_FOUND", "UNREGISTERED", (string?)body!["message"]?["token"]);
                return;
            case FcmFault.InvalidArgument:
                await ErrorAsync(context, 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", (string?)body!["message"]?["token"]);
                return;
            case FcmFault.QuotaExceeded:
                context.Response.Headers.RetryAfter = "30";
                await ErrorAsync(context, 429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", (string?)body!["message"]?["token"]);
                return;
            case FcmFault.Unavailable:
                await ErrorAsync(context, 503, "UNAVAILABLE", "UNAVAILABLE", (string?)body!["message"]?["token"]);
                return;
            case FcmFault.Hang:
                _hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
        }

        await context.Response.WriteAsJsonAsync(new { name = $"projects/{Project}/messages/0:1500415314455276%31bd1c9631bd1c96" });
    }

    /// <summary>FCM's error shape; the message repeats the token, as FCM's sometimes do, to prove it never reaches a result.</summary>
    private static Task ErrorAsync(HttpContext context, int status, string googleStatus, string? fcmCode, string? deviceToken = null)
    {
        context.Response.StatusCode = status;
        var details = fcmCode is null ? new JsonArray() : new JsonArray(new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = fcmCode });
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = "The registration token is not valid: " + deviceToken, ["status"] = googleStatus, ["details"] = details } };
        return context.Response.WriteAsync(error.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_fcm is not null)
        {
            await _fcm.DisposeAsync();
        }

        if (_tokenServer is not null)
        {
            await _tokenServer.DisposeAsync();
        }

        _key.Dispose();
    }
}
