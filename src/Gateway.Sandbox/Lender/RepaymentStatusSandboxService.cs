using Gateway.Rules;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Lending.V1;

namespace Gateway.Sandbox.Lender;

/// <summary>The sandbox lender's <c>lending.v1.RepaymentStatusService</c>, answering from its ledger.</summary>
internal sealed class RepaymentStatusSandboxService(LenderLedger ledger, LenderFaults faults, TimeProvider time) : RepaymentStatusService.RepaymentStatusServiceBase
{
    public override async Task<GetRepaymentStatusResponse> GetRepaymentStatus(GetRepaymentStatusRequest request, ServerCallContext context)
    {
        var malformed = await faults.ApplyAsync(context).ConfigureAwait(false);
        var debt = ledger.Debt(request.DebtId);
        if (debt is null || debt.DebtorId != request.DebtorId)
        {
            throw new RpcException(new Status(StatusCode.NotFound, "sandbox lender: no such debt for this debtor"));
        }

        if (malformed)
        {
            // Missing as_of_time and an unknown status: what a broken lender integration might send.
            return new GetRepaymentStatusResponse { Status = (RepaymentStatus)99 };
        }

        var status = RuleNames.ParseOrUnspecified<RepaymentStatus>(debt.Status);
        var response = new GetRepaymentStatusResponse
        {
            Status = status,
            AmountDue = new Google.Type.Money
            {
                CurrencyCode = debt.Currency,
                Units = (long)decimal.Truncate(debt.AmountDue),
                Nanos = (int)((debt.AmountDue - decimal.Truncate(debt.AmountDue)) * 1_000_000_000m),
            },
            AsOfTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        };
        if (debt.DueDate is { } due)
        {
            response.DueDate = new Google.Type.Date { Year = due.Year, Month = due.Month, Day = due.Day };
        }

        if (debt.LastPaymentTime is { } paid)
        {
            response.LastPaymentTime = Timestamp.FromDateTimeOffset(paid);
        }

        return response;
    }
}
