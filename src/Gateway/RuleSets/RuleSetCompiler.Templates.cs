using Gateway.Guards.Content;
using Gateway.Rules;

namespace Gateway.RuleSets;

/// <summary>
/// Rules that span templates and jurisdictions: limited-content variants carry no debt details,
/// and every template states the lender and carries an opt-out where a jurisdiction requires it.
/// Templates are fixed text, so checking them once here holds for every message rendered from them.
/// </summary>
internal static partial class RuleSetCompiler
{
    /// <summary>The placeholders that disclose a debt; a message to someone not verified as the debtor must not carry them.</summary>
    private static readonly string[] DebtPlaceholders = [SystemPlaceholders.AmountDue, SystemPlaceholders.DueDate, SystemPlaceholders.DebtReference];

    private static void CheckTemplateRules(List<TemplateDocument>? documents, TemplateCatalog templates, IEnumerable<JurisdictionRules> jurisdictions, List<RuleProblem> problems)
    {
        var rules = jurisdictions.ToList();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            if (documents![i]?.Id is not { } id || !templates.TryGet(id, out var template))
            {
                continue;
            }

            var path = $"$.templates[{i}]";
            CheckVariant(template, templates, path, problems);
            var text = template.Subject + "\n" + template.Body;
            foreach (var jurisdiction in rules)
            {
                if (jurisdiction.RequireLenderName && !text.Contains("{" + SystemPlaceholders.LenderName + "}", StringComparison.Ordinal))
                {
                    problems.Add(new($"{path}.body", $"must state the lender with {{{SystemPlaceholders.LenderName}}} ($.jurisdictions.{jurisdiction.Code}.requireLenderName)"));
                }

                if (jurisdiction.OptOutPhrases.TryGetValue(template.Channel, out var phrases)
                    && !phrases.Any(TextNormalizer.Normalize(text).Contains))
                {
                    problems.Add(new($"{path}.body", $"must carry an opt-out: one of \"{string.Join("\", \"", phrases)}\" ($.jurisdictions.{jurisdiction.Code}.requireOptOutText.{RuleNames.Of(template.Channel)})"));
                }
            }
        }
    }

    private static void CheckVariant(MessageTemplate template, TemplateCatalog templates, string path, List<RuleProblem> problems)
    {
        if (template.LimitedContentVariant is not { } variantId)
        {
            return;
        }

        if (!templates.TryGet(variantId, out var variant) || variantId == template.Id)
        {
            problems.Add(new($"{path}.limitedContentVariant", $"'{variantId}' is not another template of $.templates"));
            return;
        }

        if (variant.Purpose != template.Purpose || variant.Channel != template.Channel || !string.Equals(variant.Locale, template.Locale, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new($"{path}.limitedContentVariant", $"'{variantId}' must have the same purpose, channel and locale"));
        }

        var text = variant.Subject + "\n" + variant.Body;
        foreach (var placeholder in DebtPlaceholders.Where(name => text.Contains("{" + name + "}", StringComparison.Ordinal)))
        {
            problems.Add(new($"{path}.limitedContentVariant", $"'{variantId}' discloses the debt with {{{placeholder}}}; a limited-content message may not"));
        }
    }
}
