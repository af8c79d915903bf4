using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;
using Google.Rpc;

namespace Gateway.Requests;

/// <summary>The fallback channels of a reminder, each checked as its own channel would be.</summary>
internal sealed partial class ReminderValidator
{
    private static List<FallbackRoute> ValidateFallbacks(Reminder reminder, RuleSet rules, ContactPoint? contact, string prefix, List<BadRequest.Types.FieldViolation> violations)
    {
        var routes = new List<FallbackRoute>();
        var maps = reminder.FallbackTemplates.Count + reminder.FallbackContactPoints.Count;
        if (reminder.FallbackChannels.Count > RequestLimits.MaxFallbacks || maps > 2 * RequestLimits.MaxFallbacks)
        {
            Add(violations, $"{prefix}.fallback_channels", $"at most {RequestLimits.MaxFallbacks} fallbacks, each with at most one template and one contact point; none was examined");
            return routes;
        }

        var seen = new HashSet<Channel> { reminder.Channel };
        for (var i = 0; i < reminder.FallbackChannels.Count; i++)
        {
            var channel = reminder.FallbackChannels[i];
            var field = $"{prefix}.fallback_channels[{i}]";
            if (channel == Channel.Unspecified || !Enum.IsDefined(channel))
            {
                Add(violations, field, "must be a known channel");
                continue;
            }

            var name = RuleNames.Of(channel);
            if (!seen.Add(channel))
            {
                Add(violations, field, $"{name} is the reminder's channel or an earlier fallback");
                continue;
            }

            var templateField = $"{prefix}.fallback_templates[{name}]";
            MessageTemplate? template = null;
            if (!reminder.FallbackTemplates.TryGetValue(name, out var templateId))
            {
                Add(violations, templateField, $"is required: the template of the {name} fallback");
            }
            else if (!rules.Templates.TryGet(templateId, out var found) || !TemplateCatalog.Serves(found, reminder.Purpose, channel, reminder.Locale))
            {
                Add(violations, templateField, $"'{Truncate(templateId)}' is not an approved {name} template for this purpose and locale in rule set v{rules.Version}");
            }
            else
            {
                template = found;
                ValidateParameters(found, reminder, $"{prefix}.template_parameters", violations);
            }

            var fallbackContact = reminder.FallbackContactPoints.TryGetValue(name, out var value)
                ? ValidateContact(channel, value, $"{prefix}.fallback_contact_points[{name}]", violations)
                : contact is not null && contact.Kind == ContactPoint.KindOf(channel) ? contact : null;
            if (fallbackContact is null && !reminder.FallbackContactPoints.ContainsKey(name))
            {
                Add(violations, $"{prefix}.fallback_contact_points[{name}]", $"is required: contact_point does not suit {name}");
            }

            if (template is not null && fallbackContact is not null)
            {
                routes.Add(new FallbackRoute(channel, template, fallbackContact));
            }
        }

        var unused = reminder.FallbackTemplates.Keys.Select(key => ("fallback_templates", key))
            .Concat(reminder.FallbackContactPoints.Keys.Select(key => ("fallback_contact_points", key)))
            .Where(entry => !reminder.FallbackChannels.Any(channel => RuleNames.Of(channel) == entry.key));
        foreach (var (map, key) in unused)
        {
            Add(violations, $"{prefix}.{map}[{Truncate(key)}]", "names a channel that is not among fallback_channels");
        }

        return routes;
    }
}
