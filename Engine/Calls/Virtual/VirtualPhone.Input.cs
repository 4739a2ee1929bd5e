using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Virtual;

internal sealed partial class VirtualPhone
{
    // Asks the caller what to do at this listening, then does it: waits (talking, for a recording) and
    // keys, on a schedule from start (a script) or from the moment the input is given (a person typing). Returns when the input is all given, with
    // that moment (for a recording: the caller falls silent), or null when the listening ends first or
    // the caller hangs up (null input).
    private async Task<DateTimeOffset?> FeedAsync(VirtualInput kind, DateTimeOffset start, CancellationToken cancellationToken)
    {
        try
        {
            var asking = _caller.NextInputAsync(kind, cancellationToken);
            var immediate = asking.IsCompleted;
            var input = await asking;
            if (input is null)
            {
                HangUpFromCaller();
                return null;
            }

            // Each key comes a moment after what precedes it: the caller reacts, then presses.
            var at = immediate ? start : _time.GetUtcNow();
            foreach (var (key, wait) in DtmfSequence.Steps(input))
            {
                at += key == '\0' ? wait : _options.KeyInterval;
                await DelayUntilAsync(at, cancellationToken);
                if (key != '\0')
                {
                    PressAt(key, at);
                }
            }

            return at;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The listening ended (or the call did) before all the input was given.
            return null;
        }
    }
}
