using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// Records every log entry at Error or above, so a test fails when the gateway logged an error
/// it did not expect (the style of grpc-dotnet's VerifyNoErrorsScope).
/// </summary>
public sealed class ErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>The errors logged since the last call, removed, so that a host shared by a class checks each test's own.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_errors.TryDequeue(out var error))
        {
            taken.Add(error);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                errors.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}\n{exception?.StackTrace}");
            }
        }
    }
}
