using Gateway.Channels.Twilio;

namespace Gateway.Tests.Channels;

/// <summary>Which replies count as "stop": the whole reply, after NFKC, case folding and removing white space.</summary>
public sealed class StopKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Stop \n")]
    [InlineData("S T O P")]
    [InlineData("ＳＴＯＰ")]
    [InlineData("stopall")]
    [InlineData("Unsubscribe")]
    [InlineData("cancel")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("Revoke")]
    [InlineData("OPTOUT")]
    [InlineData("opt out")]
    [InlineData("退订")]
    [InlineData(" 退 订 ")]
    [InlineData("td")]
    [InlineData("ＴＤ")]
    [InlineData("STOP\u200B")]
    public void IsStop_StopKeyword_True(string reply) => Assert.True(StopKeywords.IsStop(reply));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("please stop")]
    [InlineData("STOP!")]
    [InlineData("stopping")]
    [InlineData("START")]
    [InlineData("HELP")]
    [InlineData("tdd")]
    [InlineData("退")]
    public void IsStop_AnythingElse_False(string? reply) => Assert.False(StopKeywords.IsStop(reply));
}
