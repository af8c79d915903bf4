namespace Gateway.Tests.Infrastructure;

/// <summary>A server could not bind the port picked for it because another process took it first; a fresh port may be tried.</summary>
public sealed class PortTakenException : Exception
{
    public PortTakenException()
    {
    }

    public PortTakenException(string message)
        : base(message)
    {
    }

    public PortTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
