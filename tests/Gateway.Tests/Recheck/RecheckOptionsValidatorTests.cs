using Gateway.Recheck;

namespace Gateway.Tests.Recheck;

/// <summary>A bad recheck or breaker setting stops start-up with a message naming its key.</summary>
public sealed class RecheckOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RecheckOptionsValidator().Validate(null, new RecheckOptions()).Succeeded);
    }

    public static TheoryData<string, Action<RecheckOptions>> BadSettings => new()
    {
        { "Gateway:Recheck:BreakerFailureRatio", o => o.BreakerFailureRatio = 0 },
        { "Gateway:Recheck:BreakerFailureRatio", o => o.BreakerFailureRatio = 1.5 },
        { "Gateway:Recheck:BreakerFailureRatio", o => o.BreakerFailureRatio = double.NaN },
        { "Gateway:Recheck:BreakerMinimumThroughput", o => o.BreakerMinimumThroughput = 1 },
        { "Gateway:Recheck:BreakerSamplingDuration", o => o.BreakerSamplingDuration = TimeSpan.FromMilliseconds(100) },
        { "Gateway:Recheck:BreakerBreakDuration", o => o.BreakerBreakDuration = TimeSpan.Zero },
        { "Gateway:Recheck:BreakerBreakDuration", o => o.BreakerBreakDuration = TimeSpan.FromDays(2) },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadBreakerSetting_FailureNamesTheKey(string key, Action<RecheckOptions> change)
    {
        var options = new RecheckOptions();
        change(options);

        var result = new RecheckOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith(key + " ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
