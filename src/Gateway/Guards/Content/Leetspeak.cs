using System.Collections.Frozen;

namespace Gateway.Guards.Content;

/// <summary>
/// Digits and symbols written for letters ("4rr3st", "j@!l", "p0l1ce"), for the phrases whose
/// lexicon entry asks for it. "1", "!" and "|" stand for "i" or "l", so both are folded to "i" on
/// both sides of the comparison. Applied only where asked: amounts and numbers such as "110" must
/// stay digits for every other phrase.
/// </summary>
internal static class Leetspeak
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['8'] = 'b',
        ['9'] = 'g', ['@'] = 'a', ['$'] = 's', ['!'] = 'i', ['|'] = 'i', ['+'] = 't', ['€'] = 'e',
        ['l'] = 'i',
    }.ToFrozenDictionary();

    /// <summary>The letter <paramref name="character"/> is written for, or itself.</summary>
    public static char Of(char character) => Map.GetValueOrDefault(character, character);
}
