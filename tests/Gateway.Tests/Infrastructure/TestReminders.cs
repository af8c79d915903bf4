using Gateway.V1;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Tests.Infrastructure;

/// <summary>Valid reminders for tests, to be changed field by field.</summary>
internal static class TestReminders
{
    public static Reminder OverdueSms(string debtorId = TestSeed.DueDebtor, string debtId = TestSeed.DueDebt, string phone = TestSeed.DuePhone, string? key = null) =>
        Overdue(Channel.Sms, "overdue-sms", debtorId, debtId, phone, key);

    public static Reminder OverdueEmail(string debtorId = TestSeed.DueDebtor, string debtId = TestSeed.DueDebt, string email = TestSeed.DueEmail, string? key = null) =>
        Overdue(Channel.Email, "overdue-email", debtorId, debtId, email, key);

    public static Reminder Deferrable(this Reminder reminder, DateTimeOffset until)
    {
        reminder.DeferUntil = Timestamp.FromDateTimeOffset(until);
        return reminder;
    }

    private static Reminder Overdue(Channel channel, string templateId, string debtorId, string debtId, string contactPoint, string? key) => new()
    {
        IdempotencyKey = key ?? "k-" + Guid.NewGuid().ToString("N"),
        DebtorId = debtorId,
        DebtId = debtId,
        Purpose = Purpose.OverdueNotice,
        Channel = channel,
        ContactPoint = contactPoint,
        TemplateId = templateId,
        Locale = "en-US",
        TemplateParameters = { ["first_name"] = "Avery" },
    };
}
