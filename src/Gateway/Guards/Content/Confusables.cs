using System.Collections.Frozen;

namespace Gateway.Guards.Content;

/// <summary>
/// Letters of other scripts that look like the Latin letters a lexicon is written in, each mapped
/// to that letter: the part of Unicode's confusable skeletons (UTS #39, confusables.txt, "MA"
/// entries to Latin) that evasive spelling uses in practice, applied after NFKC and lower-casing,
/// so only lower-case sources are listed (an upper-case Cyrillic "В" lower-cases to "в", listed as "b").
/// Also the traditional forms of the characters the shipped Chinese lexicons use, mapped to the
/// simplified ones they are written in (Unihan kSimplifiedVariant), and full case folding's "ß".
/// </summary>
internal static class Confusables
{
    private static readonly FrozenDictionary<char, string> Map = new Dictionary<char, string>
    {
        // Cyrillic (confusables.txt: 0430 а → a, 0435 е → e, 043E о → o, 0440 р → p, 0441 с → c, ...).
        ['а'] = "a", ['в'] = "b", ['г'] = "r", ['е'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h",
        ['о'] = "o", ['п'] = "n", ['р'] = "p", ['с'] = "c", ['т'] = "t", ['у'] = "y", ['х'] = "x",
        ['ь'] = "b", ['ѕ'] = "s", ['і'] = "i", ['ј'] = "j", ['һ'] = "h", ['ԁ'] = "d", ['ԛ'] = "q",
        ['ԝ'] = "w", ['ӏ'] = "l",

        // Greek (03B1 α → a, 03BF ο → o, 03C1 ρ → p, 03BD ν → v, ...).
        ['α'] = "a", ['β'] = "b", ['γ'] = "y", ['ε'] = "e", ['ζ'] = "z", ['η'] = "n", ['ι'] = "i",
        ['κ'] = "k", ['μ'] = "u", ['ν'] = "v", ['ο'] = "o", ['ρ'] = "p", ['τ'] = "t", ['υ'] = "u",
        ['χ'] = "x", ['ω'] = "w", ['ϲ'] = "c", ['ϳ'] = "j",

        // Armenian.
        ['օ'] = "o", ['ս'] = "u", ['հ'] = "h", ['ո'] = "n",

        // Latin look-alikes NFKC keeps: dotless i and j, script a and g, small capitals, kra.
        ['ı'] = "i", ['ȷ'] = "j", ['ɑ'] = "a", ['ɡ'] = "g", ['ɩ'] = "i", ['ĸ'] = "k",
        ['ᴀ'] = "a", ['ʙ'] = "b", ['ᴄ'] = "c", ['ᴅ'] = "d", ['ᴇ'] = "e", ['ɢ'] = "g", ['ʜ'] = "h",
        ['ɪ'] = "i", ['ᴊ'] = "j", ['ᴋ'] = "k", ['ʟ'] = "l", ['ᴍ'] = "m", ['ɴ'] = "n", ['ᴏ'] = "o",
        ['ᴘ'] = "p", ['ʀ'] = "r", ['ꜱ'] = "s", ['ᴛ'] = "t", ['ᴜ'] = "u", ['ᴠ'] = "v", ['ᴡ'] = "w",
        ['ʏ'] = "y", ['ᴢ'] = "z",

        // Full case folding (CaseFolding.txt 00DF; F; 0073 0073), which lower-casing does not do.
        ['ß'] = "ss",

        // Traditional to simplified, for the characters of the shipped lexicons; 妳 is a feminine 你.
        ['門'] = "门", ['後'] = "后", ['負'] = "负", ['報'] = "报", ['檢'] = "检", ['傳'] = "传",
        ['親'] = "亲", ['訊'] = "讯", ['錄'] = "录", ['緊'] = "紧", ['聯'] = "联", ['繫'] = "系",
        ['係'] = "系", ['單'] = "单", ['領'] = "领", ['導'] = "导", ['賴'] = "赖", ['騙'] = "骗",
        ['妳'] = "你", ['識'] = "识", ['屬'] = "属", ['獄'] = "狱", ['監'] = "监", ['關'] = "关",
    }.ToFrozenDictionary();

    /// <summary>The letter <paramref name="character"/> is mistaken for, or null when it stands for itself.</summary>
    public static string? Of(char character) => Map.GetValueOrDefault(character);
}
