namespace Gateway.Deferral;

/// <summary>A due entry this instance claimed, and the lease score that proves the claim is still its own.</summary>
internal sealed record DueClaim(string TenantId, int Shard, string Member, long LeaseScore);
