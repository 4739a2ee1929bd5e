namespace RcmlEngine.Tests.Support;

/// <summary>Holds a route's requests until <see cref="Release"/>: lets a test make a receiver "slow" without timing.</summary>
internal sealed class TestGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every held and future request through.</summary>
    public void Release() => _open.TrySetResult();

    /// <summary>Completes when released.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);
}
