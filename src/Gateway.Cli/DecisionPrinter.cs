using System.Globalization;
using Gateway.V1;
using Google.Rpc;
using Grpc.Core;

namespace Gateway.Cli;

/// <summary>Prints decisions and errors the way a newcomer reads them: outcome first, then why.</summary>
internal static class DecisionPrinter
{
    public static void Print(string label, Decision decision)
    {
        var line = $"{label,-34} {decision.Outcome.ToString().ToUpperInvariant(),-10}";
        if (decision.Reasons.Count > 0)
        {
            line += " " + string.Join(", ", decision.Reasons.Select(Name));
        }

        if (decision.NotBefore is not null)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  (may go at {decision.NotBefore.ToDateTimeOffset():u})");
        }

        if (decision.Held)
        {
            line += "  held: the gateway sends it then itself";
        }

        if (decision.Carrier.Length > 0)
        {
            line += $"  via {decision.Carrier} {decision.CarrierMessageId}";
        }

        if (decision.Replayed)
        {
            line += "  (replayed: same idempotency key, first decision returned)";
        }

        Console.WriteLine(line);
        Console.WriteLine($"{string.Empty,-34} reminder {(decision.ReminderId.Length > 0 ? decision.ReminderId : "(dry run)")}, rule set v{decision.RuleSetVersion}");
    }

    public static void PrintVerdicts(Decision decision)
    {
        foreach (var verdict in decision.Verdicts)
        {
            Console.WriteLine($"    {verdict.Rule,-24} {verdict.Verdict.ToString().ToUpperInvariant(),-12} {verdict.Detail}");
        }
    }

    public static void Print(string label, RpcException error)
    {
        Console.WriteLine($"{label,-34} {Upper(error.StatusCode.ToString()),-10} {error.Status.Detail}");
        var status = error.GetRpcStatus();
        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            Console.WriteLine($"{string.Empty,-34}   {violation.Field}: {violation.Description}");
        }
    }

    private static string Name(ReasonCode reason) => Upper(reason.ToString());

    /// <summary>"InvalidArgument" as "INVALID_ARGUMENT", the way the proto spells it.</summary>
    private static string Upper(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
