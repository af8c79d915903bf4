using System.Collections.Immutable;

namespace Gateway.Rules;

/// <summary>Banned phrases, each as a skeleton (<see cref="Guards.Content.LexiconText"/>) with its category and how it matches.</summary>
internal sealed record Lexicon(ImmutableArray<BannedPhrase> Phrases);
