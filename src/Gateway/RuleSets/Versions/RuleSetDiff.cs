using System.Text.Json;

namespace Gateway.RuleSets.Versions;

/// <summary>
/// What differs between two rule set texts, member by member, as JSON paths in the form the
/// compiler names problems in. Comments and formatting are not compared: only what the rules say.
/// Arrays are compared by position, which is how the compiler and its paths read them.
/// </summary>
internal static class RuleSetDiff
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<RuleSetChange> Compare(string before, string after)
    {
        using var from = JsonDocument.Parse(before, Options);
        using var to = JsonDocument.Parse(after, Options);
        var changes = new List<RuleSetChange>();
        Compare("$", from.RootElement, to.RootElement, changes);
        return changes;
    }

    private static void Compare(string path, JsonElement before, JsonElement after, List<RuleSetChange> changes)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            var afterMembers = after.EnumerateObject().ToDictionary(member => member.Name, member => member.Value, StringComparer.Ordinal);
            foreach (var member in before.EnumerateObject())
            {
                if (afterMembers.Remove(member.Name, out var value))
                {
                    Compare($"{path}.{member.Name}", member.Value, value, changes);
                }
                else
                {
                    changes.Add(new($"{path}.{member.Name}", member.Value.GetRawText(), string.Empty));
                }
            }

            foreach (var (name, value) in afterMembers)
            {
                changes.Add(new($"{path}.{name}", string.Empty, value.GetRawText()));
            }
        }
        else if (before.ValueKind == JsonValueKind.Array && after.ValueKind == JsonValueKind.Array)
        {
            var left = before.EnumerateArray().ToList();
            var right = after.EnumerateArray().ToList();
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                if (i >= right.Count)
                {
                    changes.Add(new($"{path}[{i}]", left[i].GetRawText(), string.Empty));
                }
                else if (i >= left.Count)
                {
                    changes.Add(new($"{path}[{i}]", string.Empty, right[i].GetRawText()));
                }
                else
                {
                    Compare($"{path}[{i}]", left[i], right[i], changes);
                }
            }
        }
        else if (!JsonElement.DeepEquals(before, after))
        {
            changes.Add(new(path, before.GetRawText(), after.GetRawText()));
        }
    }
}
