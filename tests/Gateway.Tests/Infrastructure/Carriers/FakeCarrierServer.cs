using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>
/// A carrier's HTTP API on real Kestrel on a free loopback port. It records every request (form or
/// JSON fields flattened), applies queued faults one request each, and otherwise lets
/// <see cref="Accept"/> answer as the real carrier does. Requests that break the wire format are
/// answered 400 with the reason, and the reason is kept, so a test can assert there were none.
/// </summary>
public sealed class FakeCarrierServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CarrierFault> _faults = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private CarrierFault? _always;
    private string? _alwaysPath;
    private int _accepted;

    private FakeCarrierServer(WebApplication app) => _app = app;

    /// <summary>Where the fake listens; known once it has bound its port.</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedRequest> Requests => _requests;

    /// <summary>The requests addressed to <paramref name="to"/> (their To field), in arrival order, for a test on a fake its class shares.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsTo(string to) =>
        _requests.Where(request => request.Fields.GetValueOrDefault("To") == to).ToList();

    /// <summary>Wire-format problems found in requests; empty when every request was as the carrier expects.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Checks a request (null when it is well formed, else why not) and answers it when accepted.</summary>
    public required Func<ReceivedRequest, string?> Check { get; init; }

    /// <summary>The carrier's answer to an accepted request (given the sequence number its message id comes from).</summary>
    public required Func<ReceivedRequest, int, IResult> Accept { get; init; }

    public int Accepted => _accepted;

    public void Enqueue(params CarrierFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Applies <paramref name="fault"/> to every request (whose path ends with <paramref name="pathEnd"/>, when given) until cleared (null).</summary>
    public void Always(CarrierFault? fault, string? pathEnd = null)
    {
        _alwaysPath = pathEnd;
        _always = fault;
    }

    public static async Task<FakeCarrierServer> StartAsync(Func<ReceivedRequest, string?> check, Func<ReceivedRequest, int, IResult> accept)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);

        // Port 0, read back once bound: a port chosen beforehand can be taken before Kestrel binds it.
        ListenOptions? endpoint = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            endpoint = listen;
        }));
        var app = builder.Build();
        var server = new FakeCarrierServer(app) { Check = check, Accept = accept };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri($"http://127.0.0.1:{BoundPort.Of(endpoint)}/");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = await ReadAsync(http);
        _requests.Enqueue(request);
        var always = _alwaysPath is null || request.Path.EndsWith(_alwaysPath, StringComparison.Ordinal) ? _always : null;
        var fault = always ?? (_faults.TryDequeue(out var queued) ? queued : null);
        if (fault?.Delay is { } delay)
        {
            await Task.Delay(delay, CancellationToken.None);
        }

        if (fault?.Reset == true)
        {
            http.Abort();
            return;
        }

        IResult result;
        if (fault is { Status: > 0 })
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result = Results.Json(fault.Body ?? new { code = fault.Status, message = "injected fault" }, statusCode: fault.Status);
        }
        else if (Check(request) is { } violation)
        {
            _violations.Enqueue(violation);
            result = Results.Json(new { code = 21604, message = violation }, statusCode: 400);
        }
        else
        {
            result = Accept(request, Interlocked.Increment(ref _accepted));
        }

        await result.ExecuteAsync(http);
    }

    private static async Task<ReceivedRequest> ReadAsync(HttpContext http)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var contentType = http.Request.ContentType ?? string.Empty;
        if (http.Request.HasFormContentType)
        {
            foreach (var (key, value) in await http.Request.ReadFormAsync())
            {
                fields[key] = value.ToString();
            }
        }
        else if (contentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ToString();
            }
        }

        var headers = http.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ReceivedRequest(http.Request.Method, http.Request.Path.Value ?? string.Empty, http.Request.Headers.Authorization.ToString(), contentType, fields, headers, TimeProvider.System.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
