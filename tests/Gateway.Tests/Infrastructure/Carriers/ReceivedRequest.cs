namespace Gateway.Tests.Infrastructure.Carriers;

/// <summary>One request as a fake carrier received it: the wire format a real carrier would see.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Authorization, string ContentType, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);
