using Gateway.V1;

namespace Gateway.Store;

/// <summary>
/// What recording (or holding) a decision found: it was written, or the request's idempotency key
/// already answers with an earlier decision (which the caller gets instead), or names another request.
/// </summary>
internal sealed record RecordResult(RecordStatus Status, Decision? Existing = null, string? ExistingReminderId = null)
{
    public static readonly RecordResult Recorded = new(RecordStatus.Recorded);

    public static RecordResult Parse(RedisResultReply reply) => reply.Status switch
    {
        "RECORDED" or "HELD" => Recorded,
        "DUPLICATE" => new(RecordStatus.Duplicate, Decision.Parser.ParseFrom(reply.Bytes)),
        "CONFLICT" => new(RecordStatus.Conflict, ExistingReminderId: reply.Text),
        var other => throw new InvalidOperationException($"A record script answered an unknown status '{other}'"),
    };
}
