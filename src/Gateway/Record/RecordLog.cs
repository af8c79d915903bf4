using Gateway.V1;

namespace Gateway.Record;

/// <summary>Logs of the record step; its ids are in the pipeline's block 1000–1099 and stable.</summary>
internal static partial class RecordLog
{
    [LoggerMessage(1003, LogLevel.Warning, "Reminder {ReminderId} was decided {Outcome} but its record could not be written; retrying in the background")]
    public static partial void RecordFailed(ILogger logger, string reminderId, Outcome outcome, Exception exception);

    [LoggerMessage(1005, LogLevel.Error, "Reservation of reminder {ReminderId} could not be released; it counts against caps until its window passes")]
    public static partial void ReleaseFailed(ILogger logger, string reminderId, Exception exception);

    [LoggerMessage(1006, LogLevel.Information, "Record of reminder {ReminderId} ({Outcome}) written on attempt {Attempts}")]
    public static partial void UnwrittenRecordWritten(ILogger logger, string reminderId, Outcome outcome, int attempts);

    [LoggerMessage(1007, LogLevel.Error, "Record of reminder {ReminderId} ({Outcome}) given up after {Attempts} attempts: its idempotency key may be decided again once its lease ends, and the debtor's history lacks it")]
    public static partial void UnwrittenRecordAbandoned(ILogger logger, string reminderId, Outcome outcome, int attempts);

    [LoggerMessage(1008, LogLevel.Error, "Record of reminder {ReminderId} ({Outcome}) dropped: {Capacity} unwritten records are already waiting")]
    public static partial void UnwrittenRecordDropped(ILogger logger, string reminderId, Outcome outcome, int capacity);

    [LoggerMessage(1009, LogLevel.Warning, "Guardrail store unavailable while holding reminder {ReminderId}; the caller is told to resend")]
    public static partial void HoldFailed(ILogger logger, string reminderId, Exception exception);
}
