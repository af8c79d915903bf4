using Gateway.Guards.StatedPreferences;
using StackExchange.Redis;

namespace Gateway.Store;

/// <summary>The debtor's stated contact preferences, kept in the consent hash that reserve.lua reads in the same round trip as consent.</summary>
internal sealed partial class GuardrailStore
{
    /// <summary>Replaces the debtor's preferences in one atomic write (preferences.lua).</summary>
    public Task<RecordedPreferences> SetPreferencesAsync(string tenantId, string debtorId, DebtorPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var now = time.GetUtcNow();
        RedisValue[] values = ["set", PreferenceFields.FormatChannels(preferences.Channels), PreferenceFields.FormatWindows(preferences.Windows), now.ToUnixTimeMilliseconds()];
        return RunAsync("preferences", async db =>
        {
            await db.ScriptEvaluateAsync(LuaScripts.Preferences, [new StoreKeys(tenantId, debtorId).Consent], values).ConfigureAwait(false);
            return new RecordedPreferences(preferences, now);
        }, cancellationToken);
    }

    /// <summary>The debtor's preferences, or null when none are recorded.</summary>
    public Task<RecordedPreferences?> GetPreferencesAsync(string tenantId, string debtorId, CancellationToken cancellationToken) =>
        RunAsync("preferences", async db =>
        {
            var fields = await db.HashGetAsync(new StoreKeys(tenantId, debtorId).Consent, [PreferenceFields.Channels, PreferenceFields.Windows, PreferenceFields.RecordedAt]).ConfigureAwait(false);
            if (fields[2].IsNull)
            {
                return null;
            }

            var preferences = new DebtorPreferences(PreferenceFields.ParseChannels(fields[0]), PreferenceFields.ParseWindows(fields[1]));
            return new RecordedPreferences(preferences, FromMilliseconds(fields[2]));
        }, cancellationToken);

    /// <summary>Removes the debtor's preferences; true when there were any.</summary>
    public Task<bool> ClearPreferencesAsync(string tenantId, string debtorId, CancellationToken cancellationToken)
    {
        RedisValue[] values = ["clear", string.Empty, string.Empty, time.GetUtcNow().ToUnixTimeMilliseconds()];
        return RunAsync("preferences", async db =>
            (long)await db.ScriptEvaluateAsync(LuaScripts.Preferences, [new StoreKeys(tenantId, debtorId).Consent], values).ConfigureAwait(false) == 1, cancellationToken);
    }
}
