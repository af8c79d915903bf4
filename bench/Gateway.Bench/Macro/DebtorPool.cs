using System.Globalization;
using Gateway.Sandbox.Lender;
using Gateway.V1;

namespace Gateway.Bench.Macro;

/// <summary>
/// Many distinct overdue debtors, each with its own number, written into the sandbox lender's
/// ledger before the run. Every send goes to a debtor never sent to before, so store keys vary as
/// in a real campaign and the preset's caps (2 texts a day per number, 3 reminders per debtor)
/// never bind; dry runs and the baseline cycle through the same debtors.
/// </summary>
internal sealed class DebtorPool
{
    // NANP area codes (with the 555 exchange) give 10,000 numbers each; the numbers go nowhere but
    // a file on loopback.
    private static readonly string[] AreaCodes = ["202", "212", "213", "305", "312", "404", "415", "503", "512", "602", "617", "702", "713", "801", "808", "303", "206", "615", "614", "919"];

    private readonly string _zone;
    private int _nextSend = -1;
    private int _nextRead = -1;

    public DebtorPool(LenderLedger ledger, int size, string zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (size > AreaCodes.Length * 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"at most {AreaCodes.Length * 10_000} debtors");
        }

        Size = size;
        _zone = zone;
        for (var i = 0; i < size; i++)
        {
            ledger.Upsert(new SeedDebt { DebtorId = DebtorId(i), DebtId = DebtId(i), Status = "overdue", AmountDue = 120.50m, Currency = "USD", DueDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-20) });

            // A fresh reassigned-numbers check keeps the number inside the preset's 60-day window.
            ledger.Upsert(new SeedContact { DebtorId = DebtorId(i), Channel = "sms", Value = Phone(i), ReassignedCheckedTime = now.AddDays(-1) });
        }
    }

    public int Size { get; }

    /// <summary>How many debtors have been sent to (or handed out to be).</summary>
    public int SendsTaken => Math.Min(Volatile.Read(ref _nextSend) + 1, Size);

    public static string DebtorId(int index) => "B-" + index.ToString("D6", CultureInfo.InvariantCulture);

    public static string DebtId(int index) => "BL-" + index.ToString("D6", CultureInfo.InvariantCulture);

    public static string Phone(int index) => "+1" + AreaCodes[index / 10_000] + "555" + (index % 10_000).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A reminder to a debtor not sent to before, or null when every debtor has had one.</summary>
    public Reminder? NextSend(string phase)
    {
        var index = Interlocked.Increment(ref _nextSend);
        return index < Size ? Create(index, phase) : null;
    }

    /// <summary>A reminder to any debtor, for calls that reserve nothing.</summary>
    public Reminder NextRead(string phase) => Create((int)((uint)Interlocked.Increment(ref _nextRead) % (uint)Size), phase);

    private Reminder Create(int index, string phase) => new()
    {
        IdempotencyKey = phase + "-" + index.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
        DebtorId = DebtorId(index),
        DebtId = DebtId(index),
        Purpose = Purpose.OverdueNotice,
        Channel = Channel.Sms,
        ContactPoint = Phone(index),
        TemplateId = "overdue-sms",
        Locale = "en-US",
        TemplateParameters = { ["first_name"] = "Avery" },
        RecipientTimeZone = _zone,
    };
}
