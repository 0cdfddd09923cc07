using Microsoft.Extensions.Logging;

namespace EventObserver.Kafka.Tests.Groups;

/// <summary>Counts log lines by level (to check "once per failure streak").</summary>
internal sealed class CountingLogger<T> : ILogger<T>
{
    private readonly Lock _sync = new();
    private readonly List<(LogLevel Level, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (_sync)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_sync)
        {
            _lines.Add((logLevel, formatter(state, exception)));
        }
    }
}
