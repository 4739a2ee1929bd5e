using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Recording;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Virtual;

internal sealed partial class VirtualPhone
{
    /// <inheritdoc />
    public async Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowUnlessAnswered(cancellationToken);
        Digits.Clear();
        using var operation = Link(cancellationToken);
        var started = _time.GetUtcNow();
        (RecordingEnd End, char? Key, DateTimeOffset? TalkEnd, DateTimeOffset EndedAt) heard;
        try
        {
            if (request.PlayBeep)
            {
                var beep = await PlayAllAsync([new BeepPrompt()], started, operation.Token);
                started = beep.FinishedAt ?? _time.GetUtcNow();
            }

            var finish = request.FinishOnKey.Length == 0 ? "none" : request.FinishOnKey;
            var silence = request.SilenceTimeout == TimeSpan.Zero ? "off" : $"{request.SilenceTimeout.TotalSeconds:0.#} s";
            Record(VirtualPhoneEventKind.Listening,
                $"recording (silence timeout {silence}, maxLength {request.MaxLength.TotalSeconds:0.#} s, finishOnKey {finish})");
            heard = await ListenAsync(request, started, operation.Token);
        }
        catch (OperationCanceledException) when (Lifecycle.IsEnded)
        {
            heard = (RecordingEnd.Hangup, null, null, _time.GetUtcNow());
        }

        var end = request.TrimSilence && heard.TalkEnd is { } talkEnd && talkEnd < heard.EndedAt ? talkEnd : heard.EndedAt;
        var length = end - started;
        var duration = length < TimeSpan.Zero ? TimeSpan.Zero : length > request.MaxLength ? request.MaxLength : length;
        await SilentWav.WriteAsync(request.FilePath, duration, CancellationToken.None);
        var ending = heard.Key is { } key ? $"key {key}" : heard.End.ToString().ToLowerInvariant();
        Record(VirtualPhoneEventKind.Recorded, $"recorded {duration.TotalSeconds:0.#} s to {request.FilePath} (ended by {ending})");
        return new RecordingResult(request.FilePath, duration, heard.End, heard.Key);
    }

    // The caller talks (their input being given), then falls silent; a finish key ends it at any time,
    // the silence timeout after the talk, the maximum length in any case. Times are absolute deadlines.
    private async Task<(RecordingEnd End, char? Key, DateTimeOffset? TalkEnd, DateTimeOffset EndedAt)> ListenAsync(
        RecordingRequest request,
        DateTimeOffset started,
        CancellationToken cancellationToken)
    {
        using var listen = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var talking = FeedAsync(VirtualInput.Recording, started, listen.Token);
        var maxEnd = started + request.MaxLength;
        var limit = DelayUntilAsync(maxEnd, listen.Token);
        var silence = Task.Delay(Timeout.InfiniteTimeSpan, _time, listen.Token);
        var key = Digits.ReadAsync(listen.Token).AsTask();
        DateTimeOffset? talkEnd = null;
        try
        {
            while (true)
            {
                var first = await Task.WhenAny(key, talking, silence, limit);
                cancellationToken.ThrowIfCancellationRequested();
                if (first == key)
                {
                    var press = await key;
                    if (request.FinishOnKey.Contains(press.Key, StringComparison.Ordinal))
                    {
                        return (RecordingEnd.FinishKey, press.Key, talkEnd, press.At);
                    }

                    key = Digits.ReadAsync(listen.Token).AsTask();
                }
                else if (first == talking)
                {
                    talkEnd = await talking ?? _time.GetUtcNow();
                    talking = NeverAsync(listen.Token);
                    if (request.SilenceTimeout > TimeSpan.Zero)
                    {
                        silence = DelayUntilAsync(talkEnd.Value + request.SilenceTimeout, listen.Token);
                    }
                }
                else if (first == silence)
                {
                    await silence;
                    return (RecordingEnd.Silence, null, talkEnd, talkEnd!.Value + request.SilenceTimeout);
                }
                else
                {
                    await limit;
                    return (RecordingEnd.MaxLength, null, talkEnd, maxEnd);
                }
            }
        }
        finally
        {
            // A pending read left behind would swallow the next key pressed.
            await listen.CancelAsync();
            await Task.WhenAll(key, talking, silence, limit).ContinueWith(_ => { }, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<DateTimeOffset?> NeverAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
        return null;
    }
}
