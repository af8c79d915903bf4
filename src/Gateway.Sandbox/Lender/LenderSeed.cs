using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Sandbox.Lender;

#pragma warning disable CA1002, CA2227 // DTOs bound by System.Text.Json.

/// <summary>The sandbox lender's seed file (deploy/sandbox/lender-seed.json): debts, contact points and opt-outs.</summary>
public sealed class LenderSeed
{
    public List<SeedDebt> Debts { get; set; } = [];

    public List<SeedContact> Contacts { get; set; } = [];

    public List<SeedOptOut> OptOuts { get; set; } = [];

    /// <summary>Reads a seed file whose instants and dates may be durations from <paramref name="start"/> (see <see cref="SeedInstantConverter"/>).</summary>
    public static LenderSeed Load(string path, DateTimeOffset start)
    {
        // The options carry the start instant, and a seed is read once per process.
#pragma warning disable CA1869
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new SeedInstantConverter(start), new SeedDateConverter(start) },
        };
#pragma warning restore CA1869
        return JsonSerializer.Deserialize<LenderSeed>(File.ReadAllText(path), options) ?? throw new InvalidDataException($"{path} is empty");
    }
}

/// <summary>One debt as the lender's ledger holds it.</summary>
public sealed class SeedDebt
{
    public string DebtorId { get; set; } = string.Empty;

    public string DebtId { get; set; } = string.Empty;

    /// <summary>A lending.v1 RepaymentStatus in snake case, for example "overdue" or "paid_in_full".</summary>
    public string Status { get; set; } = string.Empty;

    public decimal AmountDue { get; set; }

    public string Currency { get; set; } = "USD";

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset? LastPaymentTime { get; set; }

    /// <summary>What the lender's debtor is called, for the demo's template parameters.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>What this debtor shows a newcomer, for the demo's output.</summary>
    public string Story { get; set; } = string.Empty;
}

/// <summary>One contact point the lender knows, and what it knows about it.</summary>
public sealed class SeedContact
{
    public string DebtorId { get; set; } = string.Empty;

    public string Channel { get; set; } = "sms";

    public string Value { get; set; } = string.Empty;

    /// <summary>debtor, not_debtor or unknown.</summary>
    public string Ownership { get; set; } = "debtor";

    /// <summary>given_by_debtor, third_party or unknown.</summary>
    public string Source { get; set; } = "given_by_debtor";

    /// <summary>not_checked, not_reassigned, reassigned or no_data.</summary>
    public string Reassigned { get; set; } = "not_reassigned";

    public bool AttorneyRepresented { get; set; }

    public bool CeaseRequested { get; set; }

    public DateTimeOffset? LastVerifiedTime { get; set; }

    public DateTimeOffset? LastInboundContactTime { get; set; }

    /// <summary>When a reassigned-numbers database last gave <see cref="Reassigned"/> for this number.</summary>
    public DateTimeOffset? ReassignedCheckedTime { get; set; }
}

/// <summary>An opt-out the sandbox records in the gateway at start, as if the debtor had replied STOP.</summary>
public sealed class SeedOptOut
{
    public string DebtorId { get; set; } = string.Empty;

    public string Channel { get; set; } = "sms";

    public string ContactPoint { get; set; } = string.Empty;
}
#pragma warning restore CA1002, CA2227
