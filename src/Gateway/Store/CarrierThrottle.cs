using Gateway.Decisions;
using System.Security.Cryptography;
using System.Text;
using Gateway.Observability;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>
/// A carrier's throughput limit (messages per second per sender), shared by every instance
/// through <c>throttle.lua</c> (GCRA on Redis's clock). The sender is the lender's own number, yet
/// only a digest of it names the key, so no phone number of any kind is a key name.
/// </summary>
internal sealed class CarrierThrottle(IConnectionMultiplexer redis, IOptions<StoreOptions> options, GatewayMetrics metrics, WallClock wall)
{
    /// <summary>
    /// Reserves the next slot of <paramref name="carrier"/> for <paramref name="sender"/> and waits
    /// for it; false (nothing reserved, no wait) when it is further away than <paramref name="deadline"/>.
    /// </summary>
    public async Task<bool> WaitTurnAsync(string carrier, string sender, double perSecond, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var maxWait = deadline - wall.GetUtcNow();
        if (maxWait <= TimeSpan.Zero)
        {
            return false;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sender)).AsSpan(0, 8));
        RedisKey[] keys = [StoreKeys.Throttle(carrier, digest)];
        RedisValue[] values = [(long)(1_000_000 / perSecond), (long)Math.Min(maxWait.TotalMicroseconds, long.MaxValue / 2)];
        var waitMicros = await StoreFailure.RunAsync(
            redis, options.Value.OperationTimeout, metrics, "throttle",
            async db => (long)await db.ScriptEvaluateAsync(LuaScripts.Throttle, keys, values).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

        if (waitMicros < 0)
        {
            return false;
        }

        if (waitMicros > 0)
        {
            await Task.Delay(TimeSpan.FromMicroseconds(waitMicros), wall.Time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
