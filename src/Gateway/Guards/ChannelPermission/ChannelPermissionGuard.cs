using Gateway.Decisions;
using Gateway.Rules;
using Gateway.V1;

namespace Gateway.Guards.ChannelPermission;

/// <summary>The rule set says which channels each purpose may use.</summary>
internal sealed class ChannelPermissionGuard : ILocalGuard
{
    public const string RuleName = "channel_permission";

    public GuardVerdict Evaluate(DecisionContext context)
    {
        var request = context.Request;
        return context.Rules.AllowsChannel(request.Purpose, request.Channel)
            ? GuardVerdict.Pass(RuleName)
            : GuardVerdict.Suppress(RuleName, ReasonCode.ChannelNotAllowed, $"{RuleNames.Of(request.Purpose)} may not use {RuleNames.Of(request.Channel)}");
    }
}
