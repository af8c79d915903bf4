using Gateway.RuleSets;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Turns a configuration or rule-set failure at start-up into a plain message and exit code 2, not a stack trace.</summary>
public static class StartupFailure
{
    public const int ExitCode = 2;

    public static async Task<int> RunAsync(Func<Task> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            await start().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is OptionsValidationException or RuleSetInvalidException)
        {
            await Console.Error.WriteLineAsync("The gateway cannot start: " + ex.Message).ConfigureAwait(false);
            return ExitCode;
        }
    }
}
