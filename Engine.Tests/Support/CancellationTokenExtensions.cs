namespace RcmlEngine.Tests.Support;

/// <summary>Awaiting a token.</summary>
internal static class CancellationTokenExtensions
{
    /// <summary>Completes when <paramref name="token"/> is cancelled.</summary>
    public static Task WhenCancelledAsync(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
