using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The port Kestrel bound for an endpoint configured with port 0. Binding port 0 lets the kernel pick
/// a free port at bind time; a port picked beforehand can be taken by another process before the bind.
/// </summary>
internal static class BoundPort
{
    /// <param name="endpoint">The endpoint's listen options, into which Kestrel writes the bound address on start.</param>
    public static int Of(ListenOptions? endpoint) =>
        endpoint?.IPEndPoint is { Port: > 0 } bound ? bound.Port : throw new InvalidOperationException("Kestrel did not report the port it bound");
}
