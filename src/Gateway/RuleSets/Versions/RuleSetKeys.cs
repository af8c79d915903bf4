using StackExchange.Redis;

namespace Gateway.RuleSets.Versions;

/// <summary>
/// The store keys of one rule namespace. They share the hash tag <c>{namespace}</c>, so the
/// append script touches one cluster slot. The namespace is validated to <c>[a-z0-9-]</c>.
/// </summary>
internal readonly record struct RuleSetKeys(string Namespace)
{
    /// <summary>The prefix of each version's hash (<c>…:v:7</c>), passed to the script, which adds the number.</summary>
    public string VersionPrefix => $"gw:rules:{{{Namespace}}}:v:";

    public RedisKey Latest => $"gw:rules:{{{Namespace}}}:latest";

    public RedisKey Index => $"gw:rules:{{{Namespace}}}:index";

    public RedisChannel Changed => RedisChannel.Literal($"gw:rules:{Namespace}:changed");

    public RedisKey Version(long version) => VersionPrefix + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
