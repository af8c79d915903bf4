using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Infrastructure;

/// <summary>The scopes of every log entry with a given event id, as the JSON console formatter would write them, for a test that a log line leads to its trace.</summary>
public sealed class ScopeCapture(int eventId) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<IReadOnlyList<KeyValuePair<string, object?>>> _entries = new();
    private readonly int _eventId = eventId;
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<IReadOnlyList<KeyValuePair<string, object?>>> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Capture(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Capture(ScopeCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != owner._eventId)
            {
                return;
            }

            var values = new List<KeyValuePair<string, object?>>();
            owner._scopes?.ForEachScope(
                static (scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs);
                    }
                },
                values);
            owner._entries.Enqueue(values);
        }
    }
}
