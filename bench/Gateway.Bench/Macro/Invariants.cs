using System.Text.Json;
using Gateway.Channels.Outbox;

namespace Gateway.Bench.Macro;

/// <summary>
/// What must hold after every run, whatever the figures: every request answered, no error, every
/// SENT decision in the carrier's outbox exactly once and nothing else there, and no number or
/// debtor contacted more often than the preset's caps allow.
/// </summary>
internal static class Invariants
{
    // The US preset: contact-sms-24h allows 2 texts a day per number, debtor-all-24h 3 reminders a day per debtor.
    private const int ContactCap = 2;
    private const int DebtorCap = 3;

    public static IReadOnlyList<InvariantCheck> Check(IReadOnlyList<(PhaseFigures Figures, PhaseRecorder Recorder)> phases, string outboxPath)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var checks = new List<InvariantCheck>();

        var unanswered = phases.Where(p => p.Recorder.Issued != p.Recorder.Answered).Select(p => $"{p.Figures.Scenario}/{p.Figures.Loop}: {p.Recorder.Issued} issued, {p.Recorder.Answered} answered").ToList();
        checks.Add(new("every request answered", unanswered.Count == 0, unanswered.Count == 0 ? $"{phases.Sum(p => p.Recorder.Issued)} requests, each answered once" : string.Join("; ", unanswered)));

        // UNAVAILABLE is an answer: the gateway failing closed when the store or the lender did not
        // answer in time, as it must when offered more than it can decide. Any other error is a bug.
        var errors = phases.SelectMany(p => p.Recorder.Outcomes.Where(o => o.Key.StartsWith("rpc:", StringComparison.Ordinal)).Select(o => (Phase: $"{p.Figures.Scenario}/{p.Figures.Loop}", Label: o.Key, Count: o.Value))).ToList();
        var unexpected = errors.Where(e => !e.Label.StartsWith("rpc:Unavailable", StringComparison.Ordinal)).ToList();
        checks.Add(new("no error but fail-closed UNAVAILABLE", unexpected.Count == 0, errors.Count == 0 ? "no error at all" : string.Join("; ", errors.Select(e => $"{e.Phase}: {e.Count} × {e.Label}"))));

        var lines = File.Exists(outboxPath)
            ? File.ReadLines(outboxPath).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<OutboxLine>(line, OutboxLine.JsonOptions)!).ToList()
            : [];
        var sent = phases.SelectMany(p => p.Recorder.SentMessageIds).ToList();
        var inOutbox = lines.GroupBy(line => line.MessageId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = sent.Count(id => !inOutbox.ContainsKey(id));
        var twice = inOutbox.Count(entry => entry.Value > 1);
        var extra = inOutbox.Keys.Except(sent, StringComparer.Ordinal).Count();
        checks.Add(new(
            "every SENT in the outbox exactly once",
            missing == 0 && twice == 0 && extra == 0 && sent.Count == sent.Distinct(StringComparer.Ordinal).Count(),
            $"{sent.Count} SENT answers, {lines.Count} outbox lines; {missing} missing, {twice} written more than once, {extra} not answered SENT"));

        var perNumber = lines.GroupBy(line => line.To, StringComparer.Ordinal).Max(g => (int?)g.Count()) ?? 0;
        checks.Add(new("no cap exceeded", perNumber <= Math.Min(ContactCap, DebtorCap), $"at most {perNumber} message(s) to one number (and its one debtor); caps {ContactCap} per number, {DebtorCap} per debtor a day"));
        return checks;
    }
}
