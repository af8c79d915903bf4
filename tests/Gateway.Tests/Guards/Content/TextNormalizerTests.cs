using Gateway.Guards.Content;

namespace Gateway.Tests.Guards.Content;

/// <summary>The one form rendered text and lexicon phrases are compared in.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＲＲＥＳＴ", "arrest")]
    [InlineData("ArReSt", "arrest")]
    [InlineData("ar\u200Brest", "arrest")]
    [InlineData("a\u200Cr\u200Dr\u2060e\uFEFFst", "arrest")]
    [InlineData("  court \t\n  order  ", "court order")]
    [InlineData("逮捕", "逮捕")]
    [InlineData("ｙｏｕｒ　ｆａｍｉｌｙ", "your family")]
    public void Normalize_DisguisedText_FoldsToPlainLowerCase(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }
}
