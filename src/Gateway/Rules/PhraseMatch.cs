namespace Gateway.Rules;

/// <summary>
/// Where in the text a banned phrase counts. Words are runs of letters and digits in the text's
/// skeleton (<see cref="Guards.Content.LexiconText"/>); each Chinese or Japanese character is a word of its own.
/// </summary>
internal enum PhraseMatch
{
    /// <summary>The phrase starts where a word starts and ends where a word ends ("arrest", not "arrested" nor "starrest").</summary>
    Word,

    /// <summary>The phrase starts where a word starts ("arrest" in "arrested", not in "starrest"). The default for spaced scripts.</summary>
    Prefix,

    /// <summary>Anywhere, across word boundaries too. The default for Chinese and Japanese, written without spaces.</summary>
    Substring,
}
