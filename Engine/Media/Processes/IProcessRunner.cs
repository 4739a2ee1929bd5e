namespace RcmlEngine.Media.Processes;

/// <summary>
/// Runs child processes (espeak-ng, ffmpeg) for the media layer. A run is awaited with the call's
/// token; cancelling it kills the process (and its children) before the task ends.
/// </summary>
internal interface IProcessRunner
{
    /// <summary>
    /// Runs a process to its end. <paramref name="readOutput"/> consumes stdout while it runs (null
    /// discards it). Throws <see cref="MediaException"/> when the program cannot be started, and
    /// <see cref="OperationCanceledException"/> once the process was killed on cancellation.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessStart start, Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken);
}
