using Gateway.Decisions;
using Gateway.Deferral;
using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>The <c>gateway.v1.ReminderService</c> endpoint: validation, then the pipeline. No business rule lives here.</summary>
internal sealed class ReminderGrpcService(DecisionPipeline pipeline, GuardrailStore store, HeldReminders held, TimeProvider time)
    : ReminderService.ReminderServiceBase
{
    /// <summary>How many reminders of one stream are decided at once. Responses still leave in request order.</summary>
    private const int StreamConcurrency = 32;

    public override async Task<SendReminderResponse> SendReminder(SendReminderRequest request, ServerCallContext context) =>
        new() { Decision = await DecideAsync(request.Reminder, DecisionMode.Send, context).ConfigureAwait(false) };

    public override async Task<EvaluateReminderResponse> EvaluateReminder(EvaluateReminderRequest request, ServerCallContext context) =>
        new() { Decision = await DecideAsync(request.Reminder, DecisionMode.DryRun, context).ConfigureAwait(false) };

    public override async Task SendReminders(IAsyncStreamReader<SendRemindersRequest> requestStream, IServerStreamWriter<SendRemindersResponse> responseStream, ServerCallContext context)
    {
        // Requests are decided concurrently, up to StreamConcurrency at a time, while a single
        // writer awaits them in arrival order: one response per request, in order.
        var pending = System.Threading.Channels.Channel.CreateBounded<(string Key, Task<Decision> Decision)>(new System.Threading.Channels.BoundedChannelOptions(StreamConcurrency) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var (key, decision) in pending.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                var response = new SendRemindersResponse { IdempotencyKey = key };
                try
                {
                    response.Decision = await decision.ConfigureAwait(false);
                }
                catch (Exception ex) when (RpcErrors.StatusOf(ex) is { } status)
                {
                    response.Error = status;
                }

                await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
            }
        }, context.CancellationToken);

        try
        {
            await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                var reminder = request.Reminder;
                await pending.Writer.WriteAsync((reminder?.IdempotencyKey ?? string.Empty, DecideAsync(reminder, DecisionMode.Send, context)), context.CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            pending.Writer.Complete();
        }

        await writer.ConfigureAwait(false);
    }

    public override async Task<GetDecisionResponse> GetDecision(GetDecisionRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        if (!ReminderValidator.IsIdentifier(request.DebtorId))
        {
            violations.Add(new() { Field = "debtor_id", Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }

        if (request.KeyCase == GetDecisionRequest.KeyOneofCase.None || (request.ReminderId.Length == 0 && request.IdempotencyKey.Length == 0))
        {
            violations.Add(new() { Field = "key", Description = "set reminder_id or idempotency_key" });
        }
        else if (request.KeyCase == GetDecisionRequest.KeyOneofCase.ReminderId && !ReminderValidator.IsReminderId(request.ReminderId))
        {
            violations.Add(new() { Field = "reminder_id", Description = "is not a reminder id (rem_ followed by 32 hex digits)" });
        }
        else if (request.KeyCase == GetDecisionRequest.KeyOneofCase.IdempotencyKey && !ReminderValidator.IsIdempotencyKey(request.IdempotencyKey))
        {
            violations.Add(new() { Field = "idempotency_key", Description = "must be 1 to 128 characters of [A-Za-z0-9._:-]" });
        }

        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        return await RpcErrors.Translate(async () =>
        {
            try
            {
                if (request.KeyCase == GetDecisionRequest.KeyOneofCase.ReminderId)
                {
                    var byId = await store.GetDecisionAsync(tenant.Id, request.DebtorId, request.ReminderId, context.CancellationToken).ConfigureAwait(false);
                    return new GetDecisionResponse { Decision = byId ?? throw RpcErrors.NotFound($"No decision {request.ReminderId} for this debtor.") };
                }

                var (decision, inFlight) = await store.GetDecisionByIdempotencyKeyAsync(tenant.Id, request.DebtorId, request.IdempotencyKey, context.CancellationToken).ConfigureAwait(false);
                if (inFlight)
                {
                    throw new GatewayUnavailableException(ReasonCode.DuplicateInFlight, "The reminder with this idempotency key is still being decided; retry shortly.", TimeSpan.FromSeconds(1));
                }

                if (decision is null)
                {
                    throw RpcErrors.NotFound("No final decision is bound to this idempotency key for this debtor.");
                }

                // The key holds the decision as made; read the record for the carrier's delivery report since.
                var withDelivery = await store.GetDecisionAsync(tenant.Id, request.DebtorId, decision.ReminderId, context.CancellationToken).ConfigureAwait(false);
                return new GetDecisionResponse { Decision = withDelivery ?? decision };
            }
            catch (StoreUnavailableException ex)
            {
                throw new GatewayUnavailableException(ReasonCode.StoreUnavailable, "The decision store cannot be reached.", TimeSpan.FromSeconds(5), ex);
            }
        }).ConfigureAwait(false);
    }

    public override async Task<ListDecisionsResponse> ListDecisions(ListDecisionsRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        RequireIdentifier(request.DebtorId, "debtor_id", violations);
        var from = request.FromTime is null ? DateTimeOffset.UnixEpoch : TimestampField.Read(request.FromTime, "from_time", violations) ?? DateTimeOffset.UnixEpoch;
        var to = request.ToTime is null ? time.GetUtcNow().AddMilliseconds(1) : TimestampField.Read(request.ToTime, "to_time", violations) ?? DateTimeOffset.MaxValue;
        if (to <= from)
        {
            violations.Add(new() { Field = "to_time", Description = "must be later than from_time" });
        }

        if (request.PageSize is < 0 or > 500)
        {
            violations.Add(new() { Field = "page_size", Description = "must be between 1 and 500 (0 for 100)" });
        }

        var skip = 0;
        if (request.PageToken.Length > 0)
        {
            // A token carries its listing's range: the next page continues exactly that range.
            if (!PageToken.TryRead(request.PageToken, out var tokenFrom, out var tokenTo, out skip)
                || (request.FromTime is not null && tokenFrom != from) || (request.ToTime is not null && tokenTo != to))
            {
                violations.Add(new() { Field = "page_token", Description = "is not a token from a previous page of this same range" });
            }
            else
            {
                (from, to) = (tokenFrom, tokenTo);
            }
        }

        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var take = request.PageSize == 0 ? 100 : request.PageSize;
        var records = await StoreCall(() => store.ListHistoryAsync(tenant.Id, request.DebtorId, from, to, skip, take + 1, context.CancellationToken)).ConfigureAwait(false);
        var response = new ListDecisionsResponse();
        response.Records.AddRange(records.Take(take));
        if (records.Count > take)
        {
            response.NextPageToken = PageToken.Write(from, to, skip + take);
        }

        return response;
    }

    public override async Task<CancelReminderResponse> CancelReminder(CancelReminderRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        RequireIdentifier(request.DebtorId, "debtor_id", violations);
        if (!ReminderValidator.IsIdempotencyKey(request.IdempotencyKey))
        {
            violations.Add(new() { Field = "idempotency_key", Description = "must be 1 to 128 characters of [A-Za-z0-9._:-]" });
        }

        RequireReason(request.Reason, violations);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var cancelled = await StoreCall(() => held.CancelAsync(tenant.Id, request.DebtorId, request.IdempotencyKey, request.Reason, context.CancellationToken)).ConfigureAwait(false);
        return new CancelReminderResponse
        {
            Decision = cancelled ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, "No reminder with this idempotency key is held for this debtor (it was never held, or was already released, cancelled or expired)."))
        };
    }

    public override async Task<CancelRemindersForDebtResponse> CancelRemindersForDebt(CancelRemindersForDebtRequest request, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        RequireIdentifier(request.DebtorId, "debtor_id", violations);
        RequireIdentifier(request.DebtId, "debt_id", violations);
        RequireReason(request.Reason, violations);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var cancelled = await StoreCall(() => held.CancelForDebtAsync(tenant.Id, request.DebtorId, request.DebtId, request.Reason, context.CancellationToken)).ConfigureAwait(false);
        var response = new CancelRemindersForDebtResponse();
        response.CancelledReminderIds.AddRange(cancelled);
        return response;
    }

    private static void RequireIdentifier(string value, string field, List<Google.Rpc.BadRequest.Types.FieldViolation> violations)
    {
        if (!ReminderValidator.IsIdentifier(value))
        {
            violations.Add(new() { Field = field, Description = "must be 1 to 64 characters of [A-Za-z0-9._-]" });
        }
    }

    private static void RequireReason(string reason, List<Google.Rpc.BadRequest.Types.FieldViolation> violations)
    {
        if (reason.Length is 0 or > RequestLimits.MaxReasonLength || !FieldText.IsClean(reason))
        {
            violations.Add(new() { Field = "reason", Description = "must be 1 to 200 characters, with no personal data" });
        }
    }

    private static Task<T> StoreCall<T>(Func<Task<T>> call) => RpcErrors.StoreCall(call, "The decision store");

    private async Task<Decision> DecideAsync(Reminder? reminder, DecisionMode mode, ServerCallContext context)
    {
        var request = new DecisionRequest(context.GetTenant(), reminder, mode, WallClock.FromGrpc(context.Deadline));
        var result = await RpcErrors.Translate(() => pipeline.DecideAsync(request, context.CancellationToken)).ConfigureAwait(false);
        return result.Decision ?? throw RpcErrors.InvalidArgument(result.Violations);
    }
}
