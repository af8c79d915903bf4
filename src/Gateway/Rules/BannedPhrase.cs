namespace Gateway.Rules;

/// <summary>A phrase that must never appear in a rendered message, and why (for example "threat", "third_party_disclosure").</summary>
internal sealed record BannedPhrase(string Phrase, string Category);
