using Google.Type;

namespace Gateway.Decisions;

/// <summary>The lender's own figures, which the message quotes instead of anything the caller sent.</summary>
internal sealed record RepaymentFacts(Money? AmountDue, Date? DueDate);
