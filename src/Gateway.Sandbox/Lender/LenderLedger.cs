using System.Collections.Concurrent;
using Gateway.Rules;
using Lending.V1;

namespace Gateway.Sandbox.Lender;

/// <summary>The sandbox lender's books, in memory and changeable while it runs (a payment posts, a number is reassigned).</summary>
public sealed class LenderLedger
{
    private readonly ConcurrentDictionary<string, SeedDebt> _debts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string DebtorId, string Value), SeedContact> _contacts = new();

    public LenderLedger(LenderSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var debt in seed.Debts)
        {
            if (!RuleNames.TryParse<RepaymentStatus>(debt.Status, out _))
            {
                throw new InvalidDataException($"debts[{debt.DebtId}].status: '{debt.Status}' is not a lending.v1 RepaymentStatus");
            }

            _debts[debt.DebtId] = debt;
        }

        foreach (var contact in seed.Contacts)
        {
            _contacts[(contact.DebtorId, contact.Value)] = contact;
        }

        Seed = seed;
    }

    public LenderSeed Seed { get; }

    public SeedDebt? Debt(string debtId) => _debts.GetValueOrDefault(debtId);

    public SeedContact? Contact(string debtorId, string value) => _contacts.GetValueOrDefault((debtorId, value));

    /// <summary>Changes a debt's status, as when a payment posts.</summary>
    public void SetStatus(string debtId, RepaymentStatus status)
    {
        var debt = _debts[debtId];
        debt.Status = RuleNames.Of(status);
        if (status is RepaymentStatus.PaidInFull or RepaymentStatus.Settled)
        {
            debt.AmountDue = 0;
        }
    }

    public void Upsert(SeedDebt debt)
    {
        ArgumentNullException.ThrowIfNull(debt);
        _debts[debt.DebtId] = debt;
    }

    public void Upsert(SeedContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        _contacts[(contact.DebtorId, contact.Value)] = contact;
    }
}
