using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Tests.Rules;

/// <summary>Enum names as rule files, metrics and store arguments spell them: cached for defined values, computed for any other.</summary>
public sealed class RuleNamesTests
{
    [Fact]
    public void Of_DefinedValues_SnakeCaseAndParseBack()
    {
        Assert.Equal("sms", RuleNames.Of(Channel.Sms));
        Assert.Equal("cap_exceeded", RuleNames.Of(ReasonCode.CapExceeded));
        Assert.Equal("overdue_notice", RuleNames.Of(Purpose.OverdueNotice));
        Assert.Equal("channel_not_preferred", RuleNames.Of(ReasonCode.ChannelNotPreferred));
        Assert.Equal("outside_stated_hours", RuleNames.Of(ReasonCode.OutsideStatedHours));
        foreach (var reason in Enum.GetValues<ReasonCode>().Where(r => r != ReasonCode.Unspecified))
        {
            Assert.True(RuleNames.TryParse<ReasonCode>(RuleNames.Of(reason), out var parsed));
            Assert.Equal(reason, parsed);
            Assert.Same(RuleNames.Of(reason), RuleNames.Of(reason));
        }
    }

    [Fact]
    public void Of_UndefinedValue_NamedByNumber()
    {
        Assert.Equal("99", RuleNames.Of((Outcome)99));
    }
}
