using Gateway.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Gateway.Cli;

/// <summary>
/// Plays the sandbox's seeded debtors (deploy/sandbox/lender-seed.json) through the running
/// gateway and prints each decision: one of every outcome a newcomer should see.
/// </summary>
internal static class Demo
{
    private static readonly string[] Zones = ["America/New_York", "America/Los_Angeles", "Pacific/Honolulu", "Asia/Tokyo", "Asia/Kolkata", "Europe/London", "Pacific/Auckland"];

    public static async Task<int> RunAsync(CliArguments arguments)
    {
        using var connection = new GatewayConnection(arguments);
        var run = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"Playing the sandbox debtors (run {run}). Each line: debtor, outcome, reasons.\n");

        // The recipients "are" in a zone where it is daytime now, so that the demo shows every
        // outcome whatever the hour; one reminder goes to a zone where it is night.
        var day = _zone = ZoneWhere(hour => hour is >= 10 and < 19);
        Console.WriteLine($"Recipients are in {day}, where it is daytime now.\n");
        var first = Sms("D-1001", "LN-20260001", "+12025550101", "Avery", $"demo-{run}-1");
        var sent = await SendAsync(connection, "D-1001 owes, overdue", first);
        await SendAsync(connection, "D-1001 same key again", first);
        await SendAsync(connection, "D-1002 repaid yesterday", Sms("D-1002", "LN-20260002", "+12025550102", "Blake", $"demo-{run}-2"));
        await SendAsync(connection, "D-1003 number reassigned", Sms("D-1003", "LN-20260003", "+12025550103", "Casey", $"demo-{run}-3"));
        await SendAsync(connection, "D-1004 replied STOP", Sms("D-1004", "LN-20260004", "+12025550104", "Devon", $"demo-{run}-4"));
        await SendAsync(connection, "D-1005 disputes the debt", Sms("D-1005", "LN-20260005", "+12025550105", "Emery", $"demo-{run}-5"));
        await SendAsync(connection, "D-1006 number from a list", Sms("D-1006", "LN-20260006", "+12025550106", "Finley", $"demo-{run}-6"));

        var night = ZoneWhere(hour => hour is < 8 or >= 21);
        var deferred = Sms("D-1001", "LN-20260001", "+12025550101", "Avery", $"demo-{run}-7");
        deferred.RecipientTimeZone = night;
        deferred.DeferUntil = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddDays(2));
        await SendAsync(connection, $"D-1001 at night ({night})", deferred);

        var malformed = Sms("D-1001", "LN-20260001", "+1-not-a-number", "Avery", $"demo-{run}-8");
        await SendAsync(connection, "D-1001 malformed number", malformed);

        if (sent is not null)
        {
            Console.WriteLine($"\nEvery rule's verdict on {sent.ReminderId}, read back with GetDecision:");
            var record = await connection.Reminders.GetDecisionAsync(new GetDecisionRequest { DebtorId = "D-1001", ReminderId = sent.ReminderId }, connection.Call);
            DecisionPrinter.PrintVerdicts(record.Decision);
        }

        Console.WriteLine("\nThe sent message is the last line of the outbox (var/outbox.jsonl). Run the demo again: the caps start refusing D-1001.");
        return 0;
    }

    private static string _zone = "America/New_York";

    private static Reminder Sms(string debtor, string debt, string phone, string firstName, string key) => new()
    {
        RecipientTimeZone = _zone,
        IdempotencyKey = key,
        DebtorId = debtor,
        DebtId = debt,
        Purpose = Purpose.OverdueNotice,
        Channel = Channel.Sms,
        ContactPoint = phone,
        TemplateId = "overdue-sms",
        Locale = "en-US",
        TemplateParameters = { ["first_name"] = firstName },
    };

    private static async Task<Decision?> SendAsync(GatewayConnection connection, string label, Reminder reminder)
    {
        try
        {
            var decision = (await connection.Reminders.SendReminderAsync(new SendReminderRequest { Reminder = reminder }, connection.Call)).Decision;
            DecisionPrinter.Print(label, decision);
            return decision;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.Unavailable)
        {
            DecisionPrinter.Print(label, ex);
            return null;
        }
    }

    /// <summary>A zone whose local hour now satisfies <paramref name="hour"/>, so the demo behaves the same at any time of day.</summary>
    private static string ZoneWhere(Func<int, bool> hour)
    {
        var now = TimeProvider.System.GetUtcNow();
        var zone = Zones.FirstOrDefault(id => hour(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(id)).Hour)) ?? Zones[0];
        return zone;
    }
}
