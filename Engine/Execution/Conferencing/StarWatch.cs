using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Conferencing;

/// <summary><c>hangupOnStar</c> in a conference: the caller's <c>*</c> takes it out of the room (keys are never mixed).</summary>
internal sealed class StarWatch(bool enabled)
{
    /// <summary>Cancels <paramref name="attendance"/> at the caller's first <c>*</c>; returns when the attendance ends.</summary>
    public async Task WatchAsync(ICall call, CancellationTokenSource attendance)
    {
        if (!enabled)
        {
            return;
        }

        try
        {
            while (true)
            {
                var press = await call.Digits.ReadAsync(attendance.Token);
                if (press.Key == '*')
                {
                    await attendance.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The attendance ended otherwise.
        }
    }
}
