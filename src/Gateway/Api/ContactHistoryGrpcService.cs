using Gateway.Requests;
using Gateway.RuleSets;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>
/// The <c>gateway.v1.ContactHistoryService</c> endpoint: contacts made outside the gateway, and
/// conversations, counted against the caps of the rule set in force.
/// </summary>
internal sealed class ContactHistoryGrpcService(GuardrailStore store, RuleSetProvider rules, TimeProvider time) : ContactHistoryService.ContactHistoryServiceBase
{
    /// <summary>How far ahead of the gateway's clock a report may be dated (clock skew between systems).</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public override async Task<RecordContactResponse> RecordContact(RecordContactRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        if (!ReminderValidator.IsIdempotencyKey(request.ContactId))
        {
            violations.Add(new() { Field = "contact_id", Description = "must be 1 to 128 characters of [A-Za-z0-9._:-]" });
        }

        if (!ReminderValidator.IsIdentifier(request.DebtorId))
        {
            violations.Add(new() { Field = "debtor_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }

        if (!ReminderValidator.IsIdentifier(request.DebtId))
        {
            violations.Add(new() { Field = "debt_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }

        if (request.Channel == Channel.Unspecified || !System.Enum.IsDefined(request.Channel))
        {
            violations.Add(new() { Field = "channel", Description = "must be set to a known channel" });
        }

        if (request.Outcome == ContactOutcome.Unspecified || !System.Enum.IsDefined(request.Outcome))
        {
            violations.Add(new() { Field = "outcome", Description = "must be ATTEMPT or CONVERSATION" });
        }

        var occurredAt = request.OccurredAt is null ? null : TimestampField.Read(request.OccurredAt, "occurred_at", violations);
        if (request.OccurredAt is null || occurredAt > time.GetUtcNow() + FutureTolerance)
        {
            violations.Add(new() { Field = "occurred_at", Description = "is required and may not be in the future" });
        }

        var contact = ReminderValidator.ValidateContact(request.Channel, request.ContactPoint, "contact_point", violations);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        // A conversation is an attempt too; only conversation caps are fed by conversations alone.
        var caps = rules.InForce.JurisdictionFor(tenant.Id).CapsFor(request.Channel)
            .Where(cap => cap.Counts == CapCounts.Attempts || request.Outcome == ContactOutcome.Conversation)
            .ToList();
        await RpcErrors.StoreCall(
            async () =>
            {
                await store.RecordContactAsync(tenant.Id, request.DebtorId, request.DebtId, contact!, request.ContactId, occurredAt!.Value, caps, context.CancellationToken).ConfigureAwait(false);
                return true;
            },
            "The contact history").ConfigureAwait(false);

        var response = new RecordContactResponse();
        response.CountedIn.AddRange(caps.Select(cap => "cap:" + cap.Id));
        return response;
    }
}
