using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Functional;

/// <summary>The gateway the China preset tests share: the shipped China preset instead of the US one.</summary>
public sealed class ChinaPresetEnvironment(RedisFixture redis) : SharedEnvironment(redis)
{
    public static IReadOnlyDictionary<string, string?> Preset { get; } = new Dictionary<string, string?> { ["Gateway:RuleSetPath"] = "rules/cn-gbt45251.json" };

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Preset);
}
