using Gateway.Decisions;
using Gateway.Deferral;
using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Tenancy;
using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>The <c>gateway.v1.ReviewService</c> endpoint: the lender's reviewers approve or reject reminders held for review.</summary>
internal sealed class ReviewGrpcService(HeldReminders held, DecisionPipeline pipeline) : ReviewService.ReviewServiceBase
{
    public override async Task<ListPendingReviewsResponse> ListPendingReviews(ListPendingReviewsRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        if (request.PageSize is < 0 or > 500)
        {
            throw RpcErrors.InvalidField("page_size", "must be between 1 and 500 (0 for 100)");
        }

        var reviews = await StoreCall(() => held.ListReviewsAsync(tenant.Id, request.PageSize == 0 ? 100 : request.PageSize, context.CancellationToken)).ConfigureAwait(false);
        var response = new ListPendingReviewsResponse();
        foreach (var (debtorId, reminderId, heldAt, decision) in reviews)
        {
            var reminder = await StoreCall(() => held.ReadAsync(tenant.Id, debtorId, reminderId, context.CancellationToken)).ConfigureAwait(false);
            response.Reviews.Add(new PendingReview
            {
                DebtorId = debtorId,
                ReminderId = reminderId,
                HeldAt = Timestamp.FromDateTimeOffset(heldAt),
                Decision = decision,
                TemplateId = reminder?.Request.TemplateId ?? string.Empty,
            });
        }

        return response;
    }

    public override async Task<ApproveReminderResponse> ApproveReminder(ApproveReminderRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        Validate(request.DebtorId, request.ReminderId, request.Reviewer, reason: null);
        if (!await StoreCall(() => held.ApproveAsync(tenant.Id, request.DebtorId, request.ReminderId, context.CancellationToken)).ConfigureAwait(false))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "This reminder is not waiting for review (it was never held for review, or was already approved, rejected, cancelled or expired)."));
        }

        var reminder = await StoreCall(() => held.ReadAsync(tenant.Id, request.DebtorId, request.ReminderId, context.CancellationToken)).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "The reminder's hold ended while it was being approved."));
        // Approval runs the whole pipeline again (consent, caps, quiet hours, the lender's recheck)
        // under the rule set in force, the review gate letting it through in the reviewer's name.
        var result = await RpcErrors.Translate(() => pipeline.DecideAsync(
            new DecisionRequest(tenant, reminder.Request, DecisionMode.Send, WallClock.FromGrpc(context.Deadline)) { ReleasingReminderId = request.ReminderId, ApprovedBy = request.Reviewer },
            context.CancellationToken)).ConfigureAwait(false);
        if (result.Decision is not { } decision)
        {
            // The rule set changed under it (a template withdrawn): it can no longer go as asked.
            var expired = await StoreCall(() => held.ExpireAsync(reminder, context.CancellationToken)).ConfigureAwait(false);
            return new ApproveReminderResponse { Decision = expired ?? throw RpcErrors.InvalidArgument(result.Violations) };
        }

        return new ApproveReminderResponse { Decision = decision };
    }

    public override async Task<RejectReminderResponse> RejectReminder(RejectReminderRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        Validate(request.DebtorId, request.ReminderId, request.Reviewer, request.Reason);
        var rejected = await StoreCall(() => held.RejectAsync(tenant.Id, request.DebtorId, request.ReminderId, request.Reviewer, request.Reason, context.CancellationToken)).ConfigureAwait(false);
        return new RejectReminderResponse
        {
            Decision = rejected ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "This reminder is not waiting for review.")),
        };
    }

    private static void Validate(string debtorId, string reminderId, string reviewer, string? reason)
    {
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        if (!ReminderValidator.IsIdentifier(debtorId))
        {
            violations.Add(new() { Field = "debtor_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }

        if (!ReminderValidator.IsReminderId(reminderId))
        {
            violations.Add(new() { Field = "reminder_id", Description = "is not a reminder id (rem_ followed by 32 hex digits)" });
        }

        if (!ReminderValidator.IsIdentifier(reviewer))
        {
            violations.Add(new() { Field = "reviewer", Description = "must be 1 to 64 characters of [A-Za-z0-9._-] (a staff identifier, not a name)" });
        }

        if (reason is not null && (reason.Length is 0 or > RequestLimits.MaxReasonLength || !FieldText.IsClean(reason)))
        {
            violations.Add(new() { Field = "reason", Description = "must be 1 to 200 characters, with no personal data" });
        }

        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }

    private static Task<T> StoreCall<T>(Func<Task<T>> call) => RpcErrors.StoreCall(call, "The review store");
}
