namespace Gateway.Decisions;

/// <summary>Reminder ids: a prefix and a time-ordered UUID (v7), so records sort by creation and ids never collide across instances.</summary>
internal static class ReminderIds
{
    public static string New(TimeProvider time) => "rem_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
