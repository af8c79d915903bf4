using System.Collections.Immutable;

namespace Gateway.Rules;

/// <summary>Operations on sets of weekly contact windows, each set read as the union of its windows.</summary>
internal static class ContactWindows
{
    /// <summary>
    /// The local times allowed by both <paramref name="first"/> and <paramref name="second"/>, as
    /// windows: the union of every pair's common days and hours. An empty set means "no fixed hours"
    /// (any time), so it leaves the other set as it is. Null when both restrict and share no time:
    /// then no time is allowed, which an empty result would wrongly say is any time.
    /// </summary>
    public static ImmutableArray<ContactWindow>? Intersect(IReadOnlyList<ContactWindow> first, IReadOnlyList<ContactWindow> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            return [.. first.Count == 0 ? second : first];
        }

        var common = ImmutableArray.CreateBuilder<ContactWindow>();
        foreach (var a in first)
        {
            foreach (var b in second)
            {
                var days = a.Days.Intersect(b.Days).ToImmutableArray();
                var from = a.From > b.From ? a.From : b.From;
                var to = a.To < b.To ? a.To : b.To;
                if (days.Length > 0 && from < to)
                {
                    common.Add(new ContactWindow(days, from, to));
                }
            }
        }

        return common.Count > 0 ? common.ToImmutable() : null;
    }
}
