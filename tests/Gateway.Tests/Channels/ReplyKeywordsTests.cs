using Gateway.Channels.Twilio;

namespace Gateway.Tests.Channels;

/// <summary>
/// What each reply asks for, in English and Chinese: a stop, a start (the person's own opt-in),
/// or nothing. On main "Stop.", "STOP!", "stop please", "Stop texting me" and "unsubscribe me" were
/// not stops.
/// </summary>
public sealed class ReplyKeywordsTests
{
    [Theory]
    [InlineData("STOP", "stop")]
    [InlineData("stop", "stop")]
    [InlineData(" Stop \n", "stop")]
    [InlineData("S T O P", "stop")]
    [InlineData("ＳＴＯＰ", "stop")]
    [InlineData("STOP\u200B", "stop")]
    [InlineData("Stop.", "stop")]
    [InlineData("STOP!", "stop")]
    [InlineData("stop please", "stop")]
    [InlineData("please stop", "stop")]
    [InlineData("Stop texting me", "stop")]
    [InlineData("STOP STOP STOP", "stop")]
    [InlineData("unsubscribe me", "stop")]
    [InlineData("Unsubscribe", "stop")]
    [InlineData("please un-subscribe", "stop")]
    [InlineData("stopall", "stop")]
    [InlineData("STOP ALL", "stop")]
    [InlineData("opt out", "stop")]
    [InlineData("Opt-out please", "stop")]
    [InlineData("OPTOUT", "stop")]
    [InlineData("I revoke my consent", "stop")]
    [InlineData("cancel", "stop")]
    [InlineData("Cancel.", "stop")]
    [InlineData("END", "stop")]
    [InlineData("quit", "stop")]
    [InlineData("Quit!", "stop")]
    [InlineData("退订", "stop")]
    [InlineData(" 退 订 ", "stop")]
    [InlineData("请退订", "stop")]
    [InlineData("退订，谢谢", "stop")]
    [InlineData("td", "stop")]
    [InlineData("ＴＤ", "stop")]
    [InlineData("T", "stop")]
    [InlineData("取消", "stop")]
    [InlineData("START", "start")]
    [InlineData("start", "start")]
    [InlineData("Start.", "start")]
    [InlineData("UNSTOP", "start")]
    [InlineData("ＳＴＡＲＴ", "start")]
    [InlineData(null, "none")]
    [InlineData("", "none")]
    [InlineData("   ", "none")]
    [InlineData("stopping", "none")]
    [InlineData("I'll pay by the end of the week", "none")]
    [InlineData("Can I cancel my direct debit and pay by card?", "none")]
    [InlineData("I want to quit smoking", "none")]
    [InlineData("HELP", "none")]
    [InlineData("tdd", "none")]
    [InlineData("退", "none")]
    [InlineData("取消订单了吗", "none")]
    [InlineData("Thanks, paid today", "none")]
    [InlineData("start paying next week?", "none")]
    [InlineData("yes", "none")]
    public void Reply_MeansWhatItSays(string? reply, string expected)
    {
        var meaning = ReplyKeywords.IsStop(reply) ? "stop" : ReplyKeywords.IsStart(reply) ? "start" : "none";

        Assert.Equal(expected, meaning);
    }
}
