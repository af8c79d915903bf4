namespace Gateway.Decisions;

/// <summary>A lender calling the gateway. Every store key it causes is scoped by <see cref="Id"/>.</summary>
internal sealed record Tenant(string Id, string LenderName, Uri LenderAddress);
