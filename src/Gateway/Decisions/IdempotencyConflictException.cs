namespace Gateway.Decisions;

/// <summary>An idempotency key already names a different request; the caller gets ALREADY_EXISTS.</summary>
public sealed class IdempotencyConflictException : Exception
{
    public IdempotencyConflictException(string idempotencyKey, string? existingReminderId)
        : base($"Idempotency key '{idempotencyKey}' was already used for a different request (reminder {existingReminderId ?? "unknown"}). Use a new key for a new request.")
    {
        IdempotencyKey = idempotencyKey;
        ExistingReminderId = existingReminderId;
    }

    public IdempotencyConflictException()
        : this(string.Empty, existingReminderId: null)
    {
    }

    public IdempotencyConflictException(string message)
        : base(message)
    {
        IdempotencyKey = string.Empty;
    }

    public IdempotencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        IdempotencyKey = string.Empty;
    }

    public string IdempotencyKey { get; }

    public string? ExistingReminderId { get; }
}
