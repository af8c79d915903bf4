using Gateway.Pipeline;
using Gateway.V1;

namespace Gateway.Guards.Content;

/// <summary>
/// Renders the template with the caller's values and checks the text against the lexicon of
/// banned phrases (threats, impersonation, third-party disclosure). The lender's values, filled
/// after the recheck, are amounts, dates and the configured lender name: they cannot carry a threat.
/// </summary>
internal sealed class ContentGuard : ILocalGuard
{
    public const string RuleName = "content";

    public GuardVerdict Evaluate(DecisionContext context)
    {
        var request = context.Request;
        var draft = TemplateRenderer.Render(request.Template, request.Parameters, systemValues: null);
        var normalized = TextNormalizer.Normalize(draft.Subject + "\n" + draft.Body);
        var hits = context.Rules.Lexicon.Phrases.Where(phrase => normalized.Contains(phrase.Phrase, StringComparison.Ordinal)).ToList();
        return hits.Count == 0
            ? GuardVerdict.Pass(RuleName, $"template {request.Template.Id} rendered; no banned phrase")
            : GuardVerdict.Suppress(RuleName, ReasonCode.ContentRejected, "banned phrase categories: " + string.Join(", ", hits.Select(hit => hit.Category).Distinct()));
    }
}
