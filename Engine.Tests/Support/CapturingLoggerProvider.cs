using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Tests.Support;

/// <summary>A logger provider keeping every line written (level and formatted message), for tests about what is logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    /// <summary>The lines written so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    /// <summary>The lines written so far with their category and exception, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => [.. _entries];

    /// <summary>A factory writing to this provider at every level.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(_lines, _entries, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(
        ConcurrentQueue<(LogLevel Level, string Message)> lines,
        ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> entries,
        string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            lines.Enqueue((logLevel, message));
            entries.Enqueue((logLevel, category, message, exception));
        }
    }
}
