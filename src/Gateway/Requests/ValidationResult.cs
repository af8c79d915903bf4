using Google.Rpc;

using Gateway.Decisions;

namespace Gateway.Requests;

/// <summary>Either a valid request or every field violation found.</summary>
internal sealed record ValidationResult(ReminderRequest? Request, IReadOnlyList<BadRequest.Types.FieldViolation> Violations)
{
    public bool IsValid => Request is not null && Violations.Count == 0;
}
