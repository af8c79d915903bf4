using System.Collections.Immutable;

namespace Gateway.Rules;

/// <summary>Banned phrases, already normalised (<see cref="Guards.Content.TextNormalizer"/>), each with its category.</summary>
internal sealed record Lexicon(ImmutableArray<BannedPhrase> Phrases);
