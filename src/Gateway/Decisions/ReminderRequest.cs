using System.Collections.Frozen;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Decisions;

/// <summary>A reminder that passed validation, in the gateway's own types. Immutable.</summary>
internal sealed record ReminderRequest
{
    public required string TenantId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string DebtorId { get; init; }

    public required string DebtId { get; init; }

    public required Purpose Purpose { get; init; }

    public required Channel Channel { get; init; }

    public required ContactPoint Contact { get; init; }

    public required MessageTemplate Template { get; init; }

    public required string Locale { get; init; }

    public required FrozenDictionary<string, string> Parameters { get; init; }

    public TimeZoneInfo? RecipientTimeZone { get; init; }

    public DateTimeOffset? DeferUntil { get; init; }

    /// <summary>The request as the caller sent it, kept (encrypted) when the gateway holds the reminder for later.</summary>
    public required Reminder Original { get; init; }
    /// <summary>The channels to fall back to, in order, when no carrier of <see cref="Channel"/> took the reminder.</summary>
    public IReadOnlyList<FallbackRoute> Fallbacks { get; init; } = [];

    /// <summary>A digest of everything the caller asked for, to tell a retry from a different request reusing a key.</summary>
    public required string Fingerprint { get; init; }
}
