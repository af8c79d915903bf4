using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace Gateway.Channels.Fcm;

/// <summary>
/// OAuth2 access tokens for FCM from the service account: a JWT assertion signed with its key,
/// exchanged at <see cref="FcmCarrierOptions.TokenUri"/>. Google.Apis.Auth caches the token and
/// fetches a new one only shortly before it expires, once for all concurrent sends.
/// </summary>
internal sealed class FcmAccessTokens
{
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly ServiceAccountCredential _credential;

    public FcmAccessTokens(FcmCarrierOptions options, ServiceAccountKey key)
    {
        _credential = new ServiceAccountCredential(new ServiceAccountCredential.Initializer(key.ClientEmail, options.TokenUri.AbsoluteUri)
        {
            Scopes = [Scope],
            KeyId = key.PrivateKeyId,

            // No hidden retries: retrying belongs to the relay's pipeline, inside the request's deadline.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        }.FromPrivateKey(key.PrivateKey));
    }

    public Task<string> GetAsync(CancellationToken cancellationToken) => _credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
}
