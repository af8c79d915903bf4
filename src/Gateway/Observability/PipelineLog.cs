using Gateway.V1;

namespace Gateway.Observability;

/// <summary>Logs of the decision pipeline. Event ids 1000–1099 are stable; contact points never appear.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(1000, LogLevel.Information, "Decided reminder {ReminderId} for tenant {Tenant}: {Outcome} ({Reasons}) on {Channel}, rule set v{RuleSetVersion}")]
    public static partial void Decided(ILogger logger, string reminderId, string tenant, Outcome outcome, string reasons, Channel channel, long ruleSetVersion);


    [LoggerMessage(1002, LogLevel.Warning, "Lender recheck for tenant {Tenant} unavailable ({Detail}); failing closed")]
    public static partial void RecheckUnavailable(ILogger logger, string tenant, string detail);


    [LoggerMessage(1004, LogLevel.Warning, "Carrier {Carrier} failed for reminder {ReminderId}")]
    public static partial void CarrierFailed(ILogger logger, string carrier, string reminderId, Exception exception);




}
