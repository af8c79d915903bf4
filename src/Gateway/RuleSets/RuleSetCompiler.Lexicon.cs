using System.Collections.Immutable;
using Gateway.Guards.Content;
using Gateway.Rules;

namespace Gateway.RuleSets;

/// <summary>
/// The lexicon of banned phrases, each compiled once to the skeleton the content guard compares
/// texts in, so that a phrase written with accents, full-width letters or spaces means what it says.
/// </summary>
internal static partial class RuleSetCompiler
{
    private static Lexicon CompileLexicon(List<BannedPhraseDocument>? documents, List<RuleProblem> problems)
    {
        var phrases = ImmutableArray.CreateBuilder<BannedPhrase>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var path = $"$.bannedPhrases[{i}]";
            if (IsNull(documents![i], path, problems))
            {
                continue;
            }

            var document = documents[i];
            ReportUnknown(document.Unknown, path, problems);
            var skeleton = LexiconText.Of(document.Phrase ?? string.Empty, document.Leetspeak).Skeleton;
            if (skeleton.Length == 0)
            {
                problems.Add(new($"{path}.phrase", "is required, with at least one letter or digit"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(document.Category))
            {
                problems.Add(new($"{path}.category", "is required"));
                continue;
            }

            PhraseMatch? match = document.Match switch
            {
                null => LexiconText.IsWrittenWithoutSpaces(skeleton) ? PhraseMatch.Substring : PhraseMatch.Prefix,
                "word" => PhraseMatch.Word,
                "prefix" => PhraseMatch.Prefix,
                "substring" => PhraseMatch.Substring,
                _ => null,
            };
            if (match is null)
            {
                problems.Add(new($"{path}.match", $"'{document.Match}' is not one of word, prefix, substring"));
                continue;
            }

            phrases.Add(new BannedPhrase(skeleton, document.Category, match.Value, document.Leetspeak));
        }

        return new Lexicon(phrases.ToImmutable());
    }
}
