using Gateway.Rules;

namespace Gateway.Store;

/// <summary>How full one cap was before this reminder, and when a slot frees if it is full.</summary>
internal sealed record CapCount(CapRule Cap, long Count, DateTimeOffset? FreesAt)
{
    public bool IsFull => FreesAt is not null;
}
