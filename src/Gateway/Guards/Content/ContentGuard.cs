using System.Globalization;
using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Guards.Content;

/// <summary>
/// Renders the template with the caller's values and checks the text against the lexicon of
/// banned phrases (threats, impersonation, third-party disclosure), in the form evasive spelling
/// cannot change (<see cref="LexiconText"/>: look-alike letters, spacing, punctuation, invisible characters). The lender's values, filled
/// after the recheck, are amounts, dates and the configured lender name: they cannot carry a threat.
/// An SMS is also measured in segments where the jurisdiction caps them.
/// </summary>
internal sealed class ContentGuard : ILocalGuard
{
    public const string RuleName = "content";

    public GuardVerdict Evaluate(DecisionContext context)
    {
        var request = context.Request;
        var draft = TemplateRenderer.Render(request.Template, request.Parameters, systemValues: null);
        var text = draft.Subject + "\n" + draft.Body;
        var plain = LexiconText.Of(text, leetspeak: false);
        var leet = new Lazy<LexiconText>(() => LexiconText.Of(text, leetspeak: true), LazyThreadSafetyMode.None);
        var hits = context.Rules.Lexicon.Phrases.Where(phrase => (phrase.Leetspeak ? leet.Value : plain).Contains(phrase.Phrase, phrase.Match)).ToList();
        if (hits.Count > 0)
        {
            return GuardVerdict.Suppress(RuleName, ReasonCode.ContentRejected, "banned phrase categories: " + string.Join(", ", hits.Select(hit => hit.Category).Distinct()));
        }

        if (request.Channel == Channel.Sms && context.Jurisdiction.MaxSmsSegments is { } maxSegments)
        {
            // Amounts and dates arrive only with the recheck, after this step: measure the text
            // with the longest values they can take, so that what passes here fits when sent.
            var length = SmsSegments.Measure(TemplateRenderer.Render(request.Template, request.Parameters, LongestSystemValues(context)).Body);
            if (length.Segments > maxSegments)
            {
                return GuardVerdict.Suppress(RuleName, ReasonCode.SmsTooLong, $"{length.Segments} {length.Encoding} segments ({length.Units} units) at the longest amount and date; {context.Jurisdiction.Code} allows {maxSegments}");
            }
        }

        return GuardVerdict.Pass(RuleName, $"template {request.Template.Id} rendered; no banned phrase");
    }

    private static Dictionary<string, string> LongestSystemValues(DecisionContext context)
    {
        var culture = CultureInfo.GetCultureInfo(context.Request.Locale);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SystemPlaceholders.LenderName] = context.Tenant.LenderName,
            [SystemPlaceholders.DebtReference] = TemplateRenderer.MaskReference(context.Request.DebtId),
            [SystemPlaceholders.AmountDue] = string.Create(culture, $"XXX {999_999_999.99m:N2}"),
            [SystemPlaceholders.DueDate] = new DateOnly(2026, 9, 30).ToString("D", culture),
        };
    }
}
