using RcmlEngine.Media.Processes;

namespace RcmlEngine.Tests.Support;

/// <summary>Counts the processes a component starts, passing them to a real runner.</summary>
internal sealed class CountingProcessRunner(IProcessRunner inner) : IProcessRunner
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public Task<ProcessResult> RunAsync(ProcessStart start, Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return inner.RunAsync(start, readOutput, cancellationToken);
    }
}
