using Gateway.Decisions;
using Gateway.Guards.ChannelPermission;
using Gateway.Guards.Content;
using Gateway.Guards.QuietHours;

namespace Gateway.Guards;

/// <summary>The step-2 guards, in the one place their order is declared.</summary>
internal sealed class LocalGuards(ChannelPermissionGuard channelPermission, QuietHoursGuard quietHours, ContentGuard content)
{
    public IReadOnlyList<ILocalGuard> InOrder { get; } = [channelPermission, quietHours, content];
}
