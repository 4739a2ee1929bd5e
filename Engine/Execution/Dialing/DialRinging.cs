using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// The ringing part of a Dial: every leg rings at once; a leg that answers sends its <c>sendDigits</c>,
/// then runs its screening document, and the first leg through both wins. Meanwhile the caller (answered,
/// or with early media under <c>answerOnBridge</c>) hears a leg's early media when one sends it, else the
/// generated ringback of <c>ringTone</c>.
/// </summary>
internal sealed class DialRinging(IBridgeableCall caller, IReadOnlyList<DialLeg> legs, DialScreening screening, CallSession parent, string? ringTone, TimeProvider time)
{
    /// <summary>
    /// Rings until a leg wins (returned) or none can (null). Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> (the caller's) is cancelled; the legs are left to the caller of this method.
    /// </summary>
    public async Task<DialLeg?> RunAsync(bool callerHearsProgress, CancellationToken cancellationToken)
    {
        using var ringing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var audio = callerHearsProgress ? CallerAudioAsync(ringing.Token) : Task.CompletedTask;
        try
        {
            var pending = legs.Select(leg => AcceptAsync(leg, ringing.Token)).ToList();
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending).WaitAsync(cancellationToken);
                pending.Remove(done);
                if (await done is { } winner)
                {
                    return winner;
                }
            }

            return null;
        }
        finally
        {
            await ringing.CancelAsync();
            await audio;
        }
    }

    // The leg when it answered, sent its digits and passed its screening; null otherwise.
    private async Task<DialLeg?> AcceptAsync(DialLeg leg, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await leg.Call.Outcome.WaitAsync(cancellationToken);
            if (!outcome.IsAnswered)
            {
                return null;
            }

            if (leg.Party.SendDigits is { Length: > 0 } digits)
            {
                await leg.Call.PlayAsync([new DigitsPrompt(digits)], interruptOnDigit: false, cancellationToken);
            }

            if (leg.Party.Url is not null)
            {
                leg.Screening = await screening.RunAsync(leg, parent, cancellationToken);
                if (leg.Screening != ScreeningResult.Accepted)
                {
                    await leg.Call.HangUpAsync(CancellationToken.None);
                    return null;
                }
            }

            return leg.Call.Lifecycle.IsEnded ? null : leg;
        }
        catch (OperationCanceledException)
        {
            // The leg ended while its digits were sent or its screening ran, or the ringing is over.
            return null;
        }
    }

    // Early media of the first leg that sends it, else ringback; until the ringing ends.
    private async Task CallerAudioAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && !caller.Lifecycle.IsEnded)
            {
                var early = legs.FirstOrDefault(SendsEarlyMedia);
                if (early is not null)
                {
                    await RelayEarlyMediaAsync(early, cancellationToken);
                    continue;
                }

                await RingbackAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The ringing is over, or the caller hung up.
        }
        catch (InvalidOperationException)
        {
            // A leg that cannot be bridged before its answer (it lost its early media): the caller hears nothing more.
        }
    }

    // A leg whose early media the caller hears: ringing with audio (not answered: then it screens or wins).
    private static bool SendsEarlyMedia(DialLeg leg) => leg.HasEarlyMedia && !leg.Call.Lifecycle.IsEnded && !leg.Call.Lifecycle.IsAnswered;

    private async Task RelayEarlyMediaAsync(DialLeg early, CancellationToken cancellationToken)
    {
        // The relay stops when that leg answers (it screens or wins) or ends.
        using var relay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var answered = early.Call.Lifecycle.Subscribe(change =>
        {
            if (change.Status == CallStatus.InProgress)
            {
                CancelElsewhere(relay);
            }
        });
        try
        {
            await caller.BridgeAsync(early.Call, relay.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Answered: while it screens or wins, the caller hears ringback again.
        }
    }

    private async Task RingbackAsync(CancellationToken cancellationToken)
    {
        using var ringback = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnEarlyMedia(object? sender, EventArgs e) => CancelElsewhere(ringback);
        foreach (var leg in legs)
        {
            leg.EarlyMedia += OnEarlyMedia;
        }

        try
        {
            if (legs.Any(SendsEarlyMedia))
            {
                return;
            }

            await caller.PlayAsync([new RingbackPrompt(ringTone)], interruptOnDigit: false, ringback.Token);

            // The tone ended by itself (it should not): stay silent rather than spin.
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ringback.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A leg sends early media: relay it instead.
        }
        finally
        {
            foreach (var leg in legs)
            {
                leg.EarlyMedia -= OnEarlyMedia;
            }
        }
    }

    /// <summary>
    /// Cancels from an event raised on the SIP receive loop (early media) or under a call's lifecycle lock
    /// (answered): the ringback's teardown and the relay's start, which the cancellation continues, then
    /// run on the thread pool. A source already disposed belongs to a wait that is over.
    /// </summary>
    private static void CancelElsewhere(CancellationTokenSource source)
    {
        try
        {
            _ = source.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The ringing or relay this would end has ended.
        }
    }
}
