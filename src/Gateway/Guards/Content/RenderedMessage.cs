namespace Gateway.Guards.Content;

/// <summary>A message as it will be relayed: subject (email and push only) and body.</summary>
internal sealed record RenderedMessage(string? Subject, string Body);
