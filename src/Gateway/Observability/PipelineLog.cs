using Gateway.V1;
using Microsoft.Extensions.Logging;

namespace Gateway.Observability;

/// <summary>Logs of the decision pipeline. Event ids 1000–1099 are stable; contact points never appear.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Decided reminder {ReminderId} for tenant {Tenant}: {Outcome} ({Reasons}) on {Channel}, rule set v{RuleSetVersion}")]
    public static partial void Decided(ILogger logger, string reminderId, string tenant, Outcome outcome, string reasons, Channel channel, long ruleSetVersion);

    [LoggerMessage(1001, LogLevel.Warning, "Guardrail store unavailable during {Operation}; failing closed")]
    public static partial void StoreUnavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(1002, LogLevel.Warning, "Lender recheck for tenant {Tenant} unavailable ({Detail}); failing closed")]
    public static partial void RecheckUnavailable(ILogger logger, string tenant, string detail);

    [LoggerMessage(1003, LogLevel.Warning, "Reminder {ReminderId} was decided {Outcome} but its record could not be written; retrying in the background")]
    public static partial void RecordFailed(ILogger logger, string reminderId, Outcome outcome, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Carrier {Carrier} failed for reminder {ReminderId}")]
    public static partial void CarrierFailed(ILogger logger, string carrier, string reminderId, Exception exception);

    [LoggerMessage(1005, LogLevel.Error, "Reservation of reminder {ReminderId} could not be released; it counts against caps until its window passes")]
    public static partial void ReleaseFailed(ILogger logger, string reminderId, Exception exception);

    [LoggerMessage(1006, LogLevel.Information, "Record of reminder {ReminderId} ({Outcome}) written on attempt {Attempts}")]
    public static partial void UnwrittenRecordWritten(ILogger logger, string reminderId, Outcome outcome, int attempts);

    [LoggerMessage(1007, LogLevel.Error, "Record of reminder {ReminderId} ({Outcome}) given up after {Attempts} attempts: its idempotency key may be decided again once its lease ends, and the debtor's history lacks it")]
    public static partial void UnwrittenRecordAbandoned(ILogger logger, string reminderId, Outcome outcome, int attempts);

    [LoggerMessage(1008, LogLevel.Error, "Record of reminder {ReminderId} ({Outcome}) dropped: {Capacity} unwritten records are already waiting")]
    public static partial void UnwrittenRecordDropped(ILogger logger, string reminderId, Outcome outcome, int capacity);
}
