using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Processes;

internal sealed partial class ProcessRunner
{
    [LoggerMessage(EventId = MediaLogEvents.Processes, Level = LogLevel.Debug, Message = "Started {Program} as process {ProcessId}")]
    private partial void LogStarted(string program, int processId);

    [LoggerMessage(EventId = MediaLogEvents.Processes + 1, Level = LogLevel.Debug, Message = "{Program} (process {ProcessId}) exited with {ExitCode}")]
    private partial void LogExited(string program, int processId, int exitCode);

    [LoggerMessage(EventId = MediaLogEvents.Processes + 2, Level = LogLevel.Information, Message = "Killed process {ProcessId}: its call or request was cancelled")]
    private partial void LogKilled(int processId);
}
