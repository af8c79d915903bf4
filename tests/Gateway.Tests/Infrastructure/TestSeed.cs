using Gateway.Sandbox.Lender;

namespace Gateway.Tests.Infrastructure;

/// <summary>A lender's books for tests: one debtor in each state the tests need, each with its own number.</summary>
internal static class TestSeed
{
    public const string DueDebtor = "D-DUE";
    public const string DueDebt = "L-DUE-0001";
    public const string DuePhone = "+12025550111";
    public const string DueEmail = "due@example.com";

    public const string PaidDebtor = "D-PAID";
    public const string PaidDebt = "L-PAID-0001";
    public const string PaidPhone = "+12025550112";

    /// <summary>
    /// A week before the tests' fake clock: a reassigned-numbers check this recent keeps every seeded
    /// number inside the US preset's 60-day contactReverifyAfter.
    /// </summary>
    public static readonly DateTimeOffset ReassignedCheckedTime = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);

    public static LenderSeed Create() => new()
    {
        Debts =
        [
            new SeedDebt { DebtorId = DueDebtor, DebtId = DueDebt, Status = "overdue", AmountDue = 120.50m, Currency = "USD", DueDate = new DateOnly(2026, 11, 1) },
            new SeedDebt { DebtorId = PaidDebtor, DebtId = PaidDebt, Status = "paid_in_full", AmountDue = 0, Currency = "USD", DueDate = new DateOnly(2026, 11, 1) },
        ],
        Contacts =
        [
            new SeedContact { DebtorId = DueDebtor, Channel = "sms", Value = DuePhone, ReassignedCheckedTime = ReassignedCheckedTime },
            new SeedContact { DebtorId = DueDebtor, Channel = "email", Value = DueEmail },
            new SeedContact { DebtorId = PaidDebtor, Channel = "sms", Value = PaidPhone, ReassignedCheckedTime = ReassignedCheckedTime },
        ],
    };

    /// <summary>Adds an overdue debtor with its own number and email, for tests that must not share caps.</summary>
    /// <param name="areaCode">The number's area code, which places it in a time zone (808: Hawaii).</param>
    public static (string DebtorId, string DebtId, string Phone, string Email) AddDueDebtor(LenderLedger ledger, int number, string areaCode = "202")
    {
        var debtor = $"D-{number:D4}";
        var debt = $"L-{number:D4}";
        var phone = $"+1{areaCode}555{number % 10000:D4}";
        var email = $"debtor{number}@example.com";
        ledger.Upsert(new SeedDebt { DebtorId = debtor, DebtId = debt, Status = "overdue", AmountDue = 99.99m, Currency = "USD", DueDate = new DateOnly(2026, 11, 1) });
        ledger.Upsert(new SeedContact { DebtorId = debtor, Channel = "sms", Value = phone, ReassignedCheckedTime = ReassignedCheckedTime });
        ledger.Upsert(new SeedContact { DebtorId = debtor, Channel = "email", Value = email });
        return (debtor, debt, phone, email);
    }
}
