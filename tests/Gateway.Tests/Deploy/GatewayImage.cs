namespace Gateway.Tests.Deploy;

/// <summary>
/// The two images and what the gateway image serves, as the Dockerfile builds them: each
/// deployment names the image by repository and builds it from the matching target.
/// </summary>
internal static class GatewayImage
{
    /// <summary>Image repository (last path segment) to Dockerfile target.</summary>
    public static readonly IReadOnlyDictionary<string, string> Targets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["reminder-gateway"] = "gateway",
        ["reminder-gateway-sandbox"] = "sandbox",
    };

    /// <summary>The numeric user both images run as.</summary>
    public const long User = 1654;

    /// <summary>The repository of an image reference, without registry and tag: registry.example.com/reminder-gateway:1.0.0 is reminder-gateway.</summary>
    public static string Repository(string image)
    {
        var name = image.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var lastColon = name.LastIndexOf(':');
        if (lastColon > lastSlash)
        {
            name = name[..lastColon];
        }

        return name[(lastSlash + 1)..];
    }

    /// <summary>The port of a Kestrel endpoint the gateway image listens on (Grpc or Http).</summary>
    public static int Port(string endpoint)
    {
        var url = Dockerfile.Read().EnvironmentOf("gateway")[$"Kestrel__Endpoints__{endpoint}__Url"];
        return int.Parse(url[(url.LastIndexOf(':') + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
