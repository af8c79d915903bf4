using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Bench.Macro;

/// <summary>What one call came back with: an outcome label ("SENT", "SUPPRESSED:CAP_EXCEEDED", "rpc:Unavailable") and, for a send, the carrier's message id.</summary>
internal readonly record struct CallOutcome(string Label, string? SentMessageId)
{
    public static CallOutcome Of(Decision decision, bool sends)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var label = decision.Outcome.ToString().ToUpperInvariant();
        if (decision.Reasons.Count > 0)
        {
            label += ":" + string.Join(",", decision.Reasons);
        }

        return new CallOutcome(label, sends && decision.Outcome == Outcome.Sent ? decision.CarrierMessageId : null);
    }

    public static CallOutcome Of(RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
        return new CallOutcome("rpc:" + error.StatusCode + (reason is null ? string.Empty : ":" + reason), null);
    }

    public static CallOutcome Of(Google.Rpc.Status error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error.GetDetail<ErrorInfo>()?.Reason;
        return new CallOutcome("rpc:" + (StatusCode)error.Code + (reason is null ? string.Empty : ":" + reason), null);
    }
}
