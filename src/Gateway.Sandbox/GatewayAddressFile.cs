namespace Gateway.Sandbox;

/// <summary>
/// <c>gateway-address</c> beside the outbox: the gateway's gRPC address as this run took it, for
/// `make demo` and other tools of the same checkout, since the port may not be the default.
/// </summary>
internal sealed class GatewayAddressFile
{
    public const string FileName = "gateway-address";

    private readonly string _path;

    private GatewayAddressFile(string path) => _path = path;

    public static GatewayAddressFile Write(string outboxPath, Uri grpcAddress)
    {
        var folder = Path.GetDirectoryName(outboxPath) ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, grpcAddress.ToString().TrimEnd('/') + "\n");
        return new GatewayAddressFile(path);
    }

    /// <summary>Removed at stop, so a stale address never sends `make demo` to another run's gateway.</summary>
    public void Delete() => File.Delete(_path);
}
