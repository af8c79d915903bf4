using System.Collections.Frozen;
using Gateway.V1;

namespace Gateway.Rules;

/// <summary>
/// An approved message. <see cref="Body"/> (and <see cref="Subject"/> for email and push) hold
/// <c>{name}</c> placeholders: caller parameters declared in <see cref="Parameters"/>, or the
/// gateway's own values (see <see cref="SystemPlaceholders"/>) filled from the lender's recheck.
/// </summary>
internal sealed record MessageTemplate
{
    public required string Id { get; init; }

    public required Purpose Purpose { get; init; }

    public required Channel Channel { get; init; }

    public required string Locale { get; init; }

    public string? Subject { get; init; }

    public required string Body { get; init; }

    public required FrozenDictionary<string, TemplateParameter> Parameters { get; init; }

    /// <summary>Whether a reminder with this template waits for a person's approval before it goes.</summary>
    public bool RequiresReview { get; init; }
    /// <summary>
    /// The template for someone not verified as the debtor: the same purpose, channel and locale,
    /// and no amount, due date or debt reference (checked when the rule set compiles).
    /// </summary>
    public string? LimitedContentVariant { get; init; }
}
