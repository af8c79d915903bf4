using Google.Rpc;

namespace Gateway.Api;

/// <summary>
/// Keeps an INVALID_ARGUMENT answer small enough for a gRPC trailer. The status travels in the
/// <c>grpc-status-details-bin</c> trailer, which a client refuses (or an HTTP/2 connection stalls
/// on) past its header limit: a thousand violations of a hundred bytes each never arrive. The first
/// <see cref="MaxViolations"/> are kept, each cut to a bounded length, and one more says how many were left out.
/// </summary>
internal static class ViolationCap
{
    public const int MaxViolations = 20;

    public const int MaxFieldLength = 160;

    public const int MaxDescriptionLength = 300;

    public static List<BadRequest.Types.FieldViolation> Apply(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var kept = new List<BadRequest.Types.FieldViolation>(MaxViolations + 1);
        var omitted = 0;
        string? firstOmitted = null;
        foreach (var violation in violations)
        {
            if (kept.Count < MaxViolations)
            {
                kept.Add(new BadRequest.Types.FieldViolation { Field = Cut(violation.Field, MaxFieldLength), Description = Cut(violation.Description, MaxDescriptionLength) });
            }
            else
            {
                firstOmitted ??= Cut(violation.Field, MaxFieldLength);
                omitted++;
            }
        }

        if (firstOmitted is not null)
        {
            kept.Add(new BadRequest.Types.FieldViolation
            {
                Field = firstOmitted,
                Description = $"and {omitted} more problems from here on, not listed (the first {MaxViolations} are above)",
            });
        }

        return kept;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
