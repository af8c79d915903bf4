using System.Diagnostics;
using Gateway.Hosting;
using Gateway.Observability;
using Gateway.Pipeline;
using Gateway.V1;
using Grpc.Core;
using Lending.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Recheck;

/// <summary>
/// Step 4: asks the lender, right before relay and never from a cache, whether the debt is still
/// owed and whether the contact point still belongs to the debtor. Both calls run in parallel
/// under one deadline; any failure is a verdict of <see cref="Verdict.Unavailable"/>, never a pass.
/// </summary>
internal sealed class LenderRecheck(LenderChannels channels, IOptions<RecheckOptions> options, GatewayMetrics metrics, ILogger<LenderRecheck> logger)
{
    private readonly RecheckOptions _options = options.Value;

    public async Task<RecheckResult> RecheckAsync(DecisionContext context, DateTime callerDeadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();

        // gRPC deadlines are wall-clock instants on the wire, so they come from the system clock,
        // not from the injected business clock that quiet hours run on.
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime + _options.Timeout;
        if (callerDeadline < deadline)
        {
            deadline = callerDeadline;
        }

        var channel = channels.For(context.Tenant.LenderAddress);
        var callOptions = new CallOptions(deadline: deadline, cancellationToken: cancellationToken);
        var request = context.Request;
        var repaymentCall = new RepaymentStatusService.RepaymentStatusServiceClient(channel)
            .GetRepaymentStatusAsync(new GetRepaymentStatusRequest { DebtorId = request.DebtorId, DebtId = request.DebtId }, callOptions);
        var contactCall = new ContactVerificationService.ContactVerificationServiceClient(channel)
            .VerifyContactAsync(new VerifyContactRequest { DebtorId = request.DebtorId, Kind = request.Contact.Kind, ContactPoint = request.Contact.Value }, callOptions);

        var repayment = await Ask(RecheckPolicy.RepaymentRule, repaymentCall.ResponseAsync, answer => RecheckPolicy.Judge(request.Purpose, answer)).ConfigureAwait(false);
        var contact = await Ask(RecheckPolicy.ContactRule, contactCall.ResponseAsync, answer => RecheckPolicy.Judge(answer, request.Contact.Kind, context.Jurisdiction.ContactReverifyAfter, context.Now)).ConfigureAwait(false);
        repaymentCall.Dispose();
        contactCall.Dispose();

        var result = new RecheckResult(
            [repayment.Verdict, contact.Verdict],
            repayment.Answer is { } figures ? new RepaymentFacts(figures.AmountDue, figures.DueDate) : null);
        var outcome = result.Unavailable ? "unavailable" : result.Passed ? "pass" : "suppress";
        metrics.RecheckDuration.WithLabels(context.Tenant.Id, outcome).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (result.Unavailable)
        {
            PipelineLog.RecheckUnavailable(logger, context.Tenant.Id, string.Join("; ", result.Verdicts.Where(v => v.Verdict == Verdict.Unavailable).Select(v => v.Detail)));
        }

        return result;
    }

    private static async Task<(GuardVerdict Verdict, TAnswer? Answer)> Ask<TAnswer>(string rule, Task<TAnswer> call, Func<TAnswer, GuardVerdict> judge)
        where TAnswer : class
    {
        try
        {
            var answer = await call.ConfigureAwait(false);
            return (judge(answer), answer);
        }
        catch (RpcException ex)
        {
            var why = ex.StatusCode == StatusCode.DeadlineExceeded ? "no answer before the deadline" : $"the lender answered {ex.StatusCode}";
            return (GuardVerdict.Unavailable(rule, ReasonCode.RecheckUnavailable, why), null);
        }
        catch (OperationCanceledException)
        {
            return (GuardVerdict.Unavailable(rule, ReasonCode.RecheckUnavailable, "cancelled by the caller"), null);
        }
    }
}
