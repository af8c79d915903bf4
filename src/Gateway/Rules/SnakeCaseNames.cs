using System.Collections.Frozen;

namespace Gateway.Rules;

/// <summary>The snake_case names of every defined value of <typeparamref name="TEnum"/>, computed once per enum type.</summary>
internal static class SnakeCaseNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly FrozenDictionary<TEnum, string> Defined =
        Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(value => value, RuleNames.Compute);
}
