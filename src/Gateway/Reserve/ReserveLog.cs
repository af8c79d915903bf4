
namespace Gateway.Reserve;

/// <summary>Logs of the reserve step; its ids are in the pipeline's block 1000–1099 and stable.</summary>
internal static partial class ReserveLog
{
    [LoggerMessage(1001, LogLevel.Warning, "Guardrail store unavailable during reserve; failing closed")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);
}
