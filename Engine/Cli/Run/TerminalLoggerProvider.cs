using Microsoft.Extensions.Logging;

namespace RcmlEngine.Cli.Run;

/// <summary>
/// Log lines for a person at a terminal: <c>  ! error: Error 11200: ...</c>. The engine's own categories
/// from <paramref name="minimum"/>, everything else (HTTP client internals) from Warning.
/// </summary>
internal sealed class TerminalLoggerProvider(TextWriter output, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _sync = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        new TerminalLogger(this, categoryName.StartsWith("RcmlEngine.", StringComparison.Ordinal) ? minimum : LogLevel.Warning);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var tag = level switch
        {
            >= LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        lock (_sync)
        {
            output.WriteLine($"      ! {tag}: {message}");
            if (exception is not null)
            {
                output.WriteLine($"        {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private sealed class TerminalLogger(TerminalLoggerProvider owner, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
