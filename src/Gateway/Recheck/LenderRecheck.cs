using System.Diagnostics;
using Gateway.Decisions;
using Gateway.Observability;
using Gateway.V1;
using Grpc.Core;
using Lending.V1;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.Recheck;

/// <summary>
/// Step 4: asks the lender, right before relay and never from a cache, whether the debt is still
/// owed and whether the contact point still belongs to the debtor. Both calls run in parallel
/// under one deadline, through the lender's resilience pipeline (timeout and circuit breaker); any
/// failure is a verdict of <see cref="Verdict.Unavailable"/>, never a pass.
/// </summary>
internal sealed class LenderRecheck(LenderChannels channels, LenderResilience resilience, IOptions<RecheckOptions> options, WallClock wall, GatewayMetrics metrics, ILogger<LenderRecheck> logger) : ILenderRecheck
{
    private const string NoAnswerInTime = "no answer before the deadline";
    private const string CircuitOpen = "the circuit breaker for this lender is open after repeated failures; the lender was not called";

    private readonly RecheckOptions _options = options.Value;

    public async Task<RecheckResult> RecheckAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();

        // gRPC deadlines are wall-clock instants on the wire, so they come from the wall clock,
        // not from the decision clock that quiet hours run on.
        var deadline = wall.GetUtcNow().UtcDateTime + _options.Timeout;
        if (callerDeadline < deadline)
        {
            deadline = callerDeadline;
        }

        var resilienceContext = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<RecheckResult> outcome;
        try
        {
            outcome = await resilience.For(context.Tenant).ExecuteOutcomeAsync(
                static async (inner, state) => Polly.Outcome.FromResult(await state.Self.AskLenderAsync(state.Context, state.Deadline, inner.CancellationToken, state.CallerToken).ConfigureAwait(false)),
                resilienceContext,
                (Self: this, Context: context, Deadline: deadline, CallerToken: cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }

        if (outcome.Exception is not (null or BrokenCircuitException or TimeoutRejectedException))
        {
            // Anything else is a bug, not a lender failure: let it surface with its stack.
            outcome.ThrowIfException();
        }

        var result = outcome switch
        {
            { Exception: BrokenCircuitException } => RecheckResult.Unanswered(CircuitOpen, lenderFailed: false),
            { Exception: TimeoutRejectedException } => RecheckResult.Unanswered(NoAnswerInTime, lenderFailed: true),
            _ => outcome.Result!,
        };
        var label = outcome.Exception is BrokenCircuitException ? "circuit_open" : result.Unavailable ? "unavailable" : result.Passed ? "pass" : "suppress";
        metrics.RecheckDuration.WithLabels(context.Tenant.Id, label).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (result.Unavailable)
        {
            PipelineLog.RecheckUnavailable(logger, context.Tenant.Id, string.Join("; ", result.Verdicts.Where(v => v.Verdict == Verdict.Unavailable).Select(v => v.Detail)));
        }

        return result;
    }

    /// <summary>Both calls, in parallel, once: the pipeline never retries them.</summary>
    private async Task<RecheckResult> AskLenderAsync(DecisionContext context, DateTime deadline, CancellationToken token, CancellationToken callerToken)
    {
        var channel = channels.For(context.Tenant.LenderAddress);
        var callOptions = new CallOptions(deadline: deadline, cancellationToken: token);
        var request = context.Request;
        using var repaymentCall = new RepaymentStatusService.RepaymentStatusServiceClient(channel)
            .GetRepaymentStatusAsync(new GetRepaymentStatusRequest { DebtorId = request.DebtorId, DebtId = request.DebtId }, callOptions);
        using var contactCall = new ContactVerificationService.ContactVerificationServiceClient(channel)
            .VerifyContactAsync(new VerifyContactRequest { DebtorId = request.DebtorId, Kind = request.Contact.Kind, ContactPoint = request.Contact.Value }, callOptions);

        var repayment = await Ask(RecheckPolicy.RepaymentRule, repaymentCall.ResponseAsync, answer => RecheckPolicy.Judge(request.Purpose, answer), callerToken).ConfigureAwait(false);
        var contact = await Ask(RecheckPolicy.ContactRule, contactCall.ResponseAsync, answer => RecheckPolicy.Judge(answer, request.Contact.Kind, context.Jurisdiction.ContactReverifyAfter, context.Now), callerToken).ConfigureAwait(false);

        return new RecheckResult(
            [repayment.Verdict, contact.Verdict],
            repayment.Answer is { } figures ? new RepaymentFacts(figures.AmountDue, figures.DueDate) : null,
            repayment.LenderFailed || contact.LenderFailed);
    }

    private static async Task<(GuardVerdict Verdict, TAnswer? Answer, bool LenderFailed)> Ask<TAnswer>(string rule, Task<TAnswer> call, Func<TAnswer, GuardVerdict> judge, CancellationToken callerToken)
        where TAnswer : class
    {
        try
        {
            var answer = await call.ConfigureAwait(false);
            var verdict = judge(answer);

            // A malformed answer is the lender's fault as much as an error is.
            return (verdict, answer, verdict.Verdict == Verdict.Unavailable);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
            if (callerToken.IsCancellationRequested)
            {
                return (GuardVerdict.Unavailable(rule, ReasonCode.RecheckUnavailable, "cancelled by the caller"), null, false);
            }

            // Cancelled without the caller asking means the pipeline's timeout fired.
            if (ex is not RpcException { StatusCode: not (StatusCode.DeadlineExceeded or StatusCode.Cancelled) } rpc)
            {
                return (GuardVerdict.Unavailable(rule, ReasonCode.RecheckUnavailable, NoAnswerInTime), null, true);
            }

            // NOT_FOUND and INVALID_ARGUMENT are a healthy lender refusing a bad question (an unknown
            // debt): still no recheck, but no reason to cut the lender off for everyone else.
            return (GuardVerdict.Unavailable(rule, ReasonCode.RecheckUnavailable, $"the lender answered {rpc.StatusCode}"), null, rpc.StatusCode is not (StatusCode.NotFound or StatusCode.InvalidArgument));
        }
    }
}
