using RcmlEngine.Media.Recording;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Mixing;

/// <summary>
/// A room's audio, mixed every 20 ms on the shared media clock (a stream of the <see cref="RtpPacer"/>,
/// so no thread or timer per room or participant). Each tick takes one frame from every connected
/// participant (decoded once, on receipt), sums those that speak to the room in 32-bit linear PCM with
/// the room's own audio (beeps, announcements: <see cref="RoomAudio"/>), and sends every listener the
/// sum less its own frame (N-1: nobody hears themself), plus its coach, through a soft limiter. The
/// recorder, when set, gets the whole sum. Nothing is allocated per tick.
/// </summary>
internal sealed class ConferenceMixer : IPacedStream, IDisposable
{
    /// <summary>Samples per frame: 20 ms at 8 kHz.</summary>
    public const int FrameSamples = MediaAudio.SampleRate / 50;

    /// <summary>The mixing period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    // Above this level the limiter bends the curve so the sum of loud talkers never wraps or clips hard.
    private const int LimiterKnee = 24_576;
    private const int LimiterRange = short.MaxValue - LimiterKnee;

    private readonly Lock _membership = new();
    private readonly int[] _sum = new int[FrameSamples];
    private readonly short[] _frame = new short[FrameSamples];
    private readonly short[] _roomFrame = new short[FrameSamples];
    private MixParticipant[] _participants = [];
    private IDisposable? _registration;
    private volatile IAudioTap? _recorder;

    /// <summary>Audio everyone in the room hears (beeps, announcements), written by a playback pump.</summary>
    public RtpOutboundAudio RoomAudio { get; } = new();

    /// <summary>Called on the mixer's tick when a participant starts (true) or stops (false) speaking; keep it short.</summary>
    public Action<MixParticipant, bool>? SpeakingChanged { get; set; }

    /// <summary>Participants in the mix now.</summary>
    public int Count => Volatile.Read(ref _participants).Length;

    /// <summary>Ticks mixed so far.</summary>
    public long Ticks { get; private set; }

    /// <summary>Starts mixing on <paramref name="pacer"/>'s clock.</summary>
    public void Start(RtpPacer pacer)
    {
        ArgumentNullException.ThrowIfNull(pacer);
        lock (_membership)
        {
            _registration ??= pacer.Register(this, Period);
        }
    }

    /// <summary>Sends the room's sum to <paramref name="recorder"/> from the next tick; null stops.</summary>
    public void RecordTo(IAudioTap? recorder) => _recorder = recorder;

    /// <summary>Adds a participant (copy on write: the tick never waits for membership changes).</summary>
    public void Add(MixParticipant participant)
    {
        lock (_membership)
        {
            if (Array.IndexOf(_participants, participant) < 0)
            {
                _participants = [.. _participants, participant];
            }
        }
    }

    /// <summary>Removes a participant; its next tick no longer includes it.</summary>
    public void Remove(MixParticipant participant)
    {
        lock (_membership)
        {
            var index = Array.IndexOf(_participants, participant);
            if (index >= 0)
            {
                var rest = new MixParticipant[_participants.Length - 1];
                Array.Copy(_participants, rest, index);
                Array.Copy(_participants, index + 1, rest, index, rest.Length - index);
                _participants = rest;
            }
        }
    }

    /// <inheritdoc />
    public void OnTick(long tick, long deadline, int missedTicks) => Mix();

    /// <summary>One tick: take every input, sum, send every listener its mix.</summary>
    public void Mix()
    {
        var participants = Volatile.Read(ref _participants);
        var sum = _sum.AsSpan();
        sum.Clear();
        var coaches = TakeInputs(participants, sum);
        if (RoomAudio.ReadFrame(_roomFrame))
        {
            Add(sum, _roomFrame);
        }

        if (_recorder is { } recorder)
        {
            Limit(sum, _frame);
            recorder.OnAudio(_frame);
        }

        foreach (var listener in participants)
        {
            if (listener.Output is { } output && !listener.Held)
            {
                MixFor(listener, participants, coaches, output);
            }
        }

        Ticks++;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_membership)
        {
            _registration?.Dispose();
            _registration = null;
            _participants = [];
        }

        RoomAudio.Dispose();
    }

    // Reads each connected participant's frame, sums the ones the room hears; returns whether any coach spoke.
    private bool TakeInputs(MixParticipant[] participants, Span<int> sum)
    {
        var coaches = false;
        foreach (var participant in participants)
        {
            var connected = participant.Output is not null && !participant.Held;
            if (!connected)
            {
                // Held (or between calls): what it says is not for the room, now or after it comes back.
                participant.Input.Reset();
            }

            participant.HasFrame = connected && participant.Input.ReadFrame(participant.Frame);
            var heard = participant.HasFrame && !participant.Muted;
            if (participant.Speech.Observe(participant.Frame, heard))
            {
                SpeakingChanged?.Invoke(participant, participant.Speech.Speaking);
            }

            participant.InSum = heard && participant.Coaching is null;
            if (participant.InSum)
            {
                Add(sum, participant.Frame);
            }

            coaches |= heard && participant.Coaching is not null;
        }

        return coaches;
    }

    private void MixFor(MixParticipant listener, MixParticipant[] participants, bool coaches, IMixOutput output)
    {
        var own = listener.InSum ? listener.Frame : null;
        var frame = _frame.AsSpan();
        for (var i = 0; i < FrameSamples; i++)
        {
            var value = _sum[i] - (own is null ? 0 : own[i]);
            frame[i] = LimitSample(value);
        }

        if (coaches)
        {
            AddCoaches(listener, participants, frame);
        }

        output.Send(frame);
    }

    // A coach is heard by the participant it coaches only: added on top of that listener's mix.
    private static void AddCoaches(MixParticipant listener, MixParticipant[] participants, Span<short> frame)
    {
        foreach (var coach in participants)
        {
            if (ReferenceEquals(coach.Coaching, listener) && coach.HasFrame && !coach.Muted && !ReferenceEquals(coach, listener))
            {
                for (var i = 0; i < FrameSamples; i++)
                {
                    frame[i] = LimitSample(frame[i] + coach.Frame[i]);
                }
            }
        }
    }

    private static void Add(Span<int> sum, ReadOnlySpan<short> frame)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += frame[i];
        }
    }

    private static void Limit(ReadOnlySpan<int> sum, Span<short> frame)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            frame[i] = LimitSample(sum[i]);
        }
    }

    /// <summary>
    /// Linear up to the knee; above it the excess is squeezed into what is left below full scale
    /// (x / (x + range) of it), so the curve is continuous, never exceeds full scale, and a sum of
    /// several loud talkers distorts gently instead of wrapping.
    /// </summary>
    internal static short LimitSample(int value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude <= LimiterKnee)
        {
            return (short)value;
        }

        var excess = magnitude - LimiterKnee;
        var bent = LimiterKnee + (int)((long)excess * LimiterRange / (excess + LimiterRange));
        return (short)(value < 0 ? -bent : bent);
    }
}
