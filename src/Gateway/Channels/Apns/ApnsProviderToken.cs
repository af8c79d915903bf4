using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Observability;

namespace Gateway.Channels.Apns;

/// <summary>
/// The APNs provider token: an ES256 JWT (<c>kid</c> the key id, <c>iss</c> the team id, <c>iat</c>)
/// signed with the .p8 key. Apple refuses a token older than an hour and throttles one renewed more
/// often than every 20 minutes, so one token serves every send for 50 minutes.
/// </summary>
internal sealed class ApnsProviderToken : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(50);

    private readonly ECDsa _key = ECDsa.Create();
    private readonly ApnsCarrierOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private (string Jwt, DateTimeOffset IssuedAt)? _current;

    public ApnsProviderToken(ApnsCarrierOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _key.ImportFromPem(options.PrivateKey);
    }

    public string Current()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_current is { } token && now - token.IssuedAt < Lifetime && now >= token.IssuedAt)
            {
                return token.Jwt;
            }

            var jwt = Sign(now);
            _current = (jwt, now);
            EmailPushLog.CredentialRefreshed(_logger, ApnsCarrier.CarrierName, now + Lifetime);
            return jwt;
        }
    }

    /// <summary>Drops the token after APNs called it expired, so the next send signs a fresh one.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    private string Sign(DateTimeOffset now)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "ES256", ["kid"] = _options.KeyId }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["iss"] = _options.TeamId, ["iat"] = now.ToUnixTimeSeconds() }));
        var signingInput = header + "." + payload;

        // JWS ES256 wants the raw r||s form (IEEE P1363), not DER.
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose() => _key.Dispose();
}
