using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Honjo.GyoseiKaikaku.TestSupport;

/// <summary>One log entry as the application wrote it: event id, level, message and its structured properties.</summary>
public sealed record LogRecord(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public string? this[string property] => Properties.TryGetValue(property, out var value) ? value?.ToString() : null;
}

/// <summary>A logger provider that keeps every entry, for tests of what the application logs.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    /// <summary>The entries with event id <paramref name="id"/>, oldest first.</summary>
    public IReadOnlyList<LogRecord> WithEventId(int id) => Records.Where(r => r.EventId.Id == id).ToList();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            records.Enqueue(new LogRecord(category, logLevel, eventId, formatter(state, exception), properties));
        }
    }
}
