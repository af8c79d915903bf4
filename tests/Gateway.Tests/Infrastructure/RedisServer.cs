using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> process on a free loopback port, with no persistence. Tests can kill
/// it and start it again on the same port to prove the gateway fails closed and recovers.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string[] _extraArguments;
    private readonly string _workingDirectory;
    private Process? _process;

    private RedisServer(int port, string[] extraArguments)
    {
        Port = port;
        _extraArguments = extraArguments;
        _workingDirectory = Directory.CreateTempSubdirectory("redis-test-").FullName;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts redis-server on a free port. redis-server cannot be told port 0 (it means "no TCP"),
    /// so a port is picked first; another process can take it before redis binds it, and then
    /// redis exits at once: a fresh port is tried a few times.
    /// </summary>
    public static async Task<RedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(FreePort.Next());
            }
            catch (PortTakenException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Starts redis-server on <paramref name="port"/> with more arguments (for example cluster mode); its files go to a temporary folder of its own.</summary>
    /// <exception cref="PortTakenException">Another process listens on the port (or on its cluster bus port).</exception>
    public static async Task<RedisServer> StartAsync(int port, params string[] extraArguments)
    {
        var server = new RedisServer(port, extraArguments);
        try
        {
            await server.StartProcessAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public Task RestartAsync() => StartProcessAsync();

    public async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},allowAdmin=true");

    private async Task StartProcessAsync()
    {
        var executable = FindExecutable("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed. `make test` installs it (apt-get install -y redis-server).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workingDirectory,
        };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning" }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        _process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                // Waiting for exit once more drains the output, where redis says why it stopped.
                await _process.WaitForExitAsync();
                var said = string.Join("\n", output);
                throw said.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException($"Port {Port} was taken before redis-server could bind it")
                    : new InvalidOperationException($"redis-server exited with {_process.ExitCode}:\n{said}");
            }

            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},connectTimeout=500,abortConnect=true");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on port {Port} within 10 s");
    }

    internal static string? FindExecutable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A folder the killed server still held open is left to the system's temp cleanup.
        }
    }
}
