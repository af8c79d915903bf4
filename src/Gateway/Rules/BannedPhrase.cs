namespace Gateway.Rules;

/// <summary>
/// A phrase that must never appear in a rendered message, and why (for example "threat",
/// "third_party_disclosure"). <see cref="Phrase"/> is the phrase's skeleton (<see cref="Guards.Content.LexiconText"/>),
/// with leetspeak folded too when <see cref="Leetspeak"/> is set, so the text is compared in the same form.
/// </summary>
internal sealed record BannedPhrase(string Phrase, string Category, PhraseMatch Match = PhraseMatch.Prefix, bool Leetspeak = false);
