using Gateway.Guards.Content;

namespace Gateway.Tests.Guards.Content;

/// <summary>Segments counted as carriers count them: GSM-7 160/153 (extension characters take two septets), UCS-2 70/67.</summary>
public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Measure_Gsm7_160InOne_153PerPartWhenSplit(int length, int segments)
    {
        var measured = SmsSegments.Measure(new string('a', length));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, length, segments), measured);
    }

    [Fact]
    public void Measure_ExtensionCharacters_TakeTwoSeptets()
    {
        var measured = SmsSegments.Measure(new string('a', 158) + "€");

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 160, 1), measured);
        Assert.Equal(2, SmsSegments.Measure(new string('a', 159) + "{").Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Measure_AnyCharacterOutsideGsm7_MakesTheWholeTextUcs2(int length, int segments)
    {
        var measured = SmsSegments.Measure("还" + new string('a', length - 1));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, length, segments), measured);
    }
}
