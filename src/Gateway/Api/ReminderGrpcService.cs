using Gateway.Pipeline;
using Gateway.Requests;
using Gateway.Rules;
using Gateway.Store;
using Gateway.Tenancy;
using Gateway.V1;
using Grpc.Core;

namespace Gateway.Api;

/// <summary>The <c>gateway.v1.ReminderService</c> endpoint: validation, then the pipeline. No business rule lives here.</summary>
internal sealed class ReminderGrpcService(ReminderValidator validator, RuleSetProvider rules, DecisionPipeline pipeline, GuardrailStore store)
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

    private Task<Decision> DecideAsync(Reminder? reminder, DecisionMode mode, ServerCallContext context)
    {
        var tenant = context.GetTenant();
        var snapshot = rules.Current;
        var validation = validator.Validate(reminder, snapshot, tenant.Id);
        if (!validation.IsValid)
        {
            return Task.FromException<Decision>(RpcErrors.InvalidArgument(validation.Violations));
        }

        return RpcErrors.Translate(() => pipeline.DecideAsync(tenant, validation.Request!, snapshot, mode, context.Deadline, context.CancellationToken));
    }
}
