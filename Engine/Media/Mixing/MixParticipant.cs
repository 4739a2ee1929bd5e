namespace RcmlEngine.Media.Mixing;

/// <summary>
/// One participant as the <see cref="ConferenceMixer"/> sees it: its received audio (<see cref="Input"/>),
/// where its mix goes (<see cref="Output"/>, set while its call is connected to the room), and the
/// flags that decide who hears it. Flags are set from any thread and read on the next tick.
/// </summary>
internal sealed class MixParticipant : IDisposable
{
    private volatile IMixOutput? _output;
    private volatile MixParticipant? _coaching;
    private volatile bool _muted;
    private volatile bool _held;

    /// <summary>Creates a participant whose input waits for <paramref name="jitterSamples"/> before it is mixed.</summary>
    public MixParticipant(string name, int jitterSamples)
    {
        Name = name;
        Input = new MixInput(jitterSamples);
    }

    /// <summary>Names the participant in events (its CallSid).</summary>
    public string Name { get; }

    /// <summary>The participant's received audio, written by its media session while connected.</summary>
    public MixInput Input { get; }

    /// <summary>Where its mix goes, or null while it is not connected (waiting, held, gone).</summary>
    public IMixOutput? Output => _output;

    /// <summary>Whether it is withheld from everyone else's mix (it still hears them).</summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Whether it is on hold: neither mixed in nor sent the mix (its call plays hold music).</summary>
    public bool Held
    {
        get => _held;
        set => _held = value;
    }

    /// <summary>The participant it coaches: only that one hears it. Null for an ordinary participant.</summary>
    public MixParticipant? Coaching
    {
        get => _coaching;
        set => _coaching = value;
    }

    /// <summary>Whether it is speaking now (see <see cref="SpeechDetector"/>).</summary>
    public bool Speaking => Speech.Speaking;

    /// <summary>The speech detector the mixer feeds (mixer thread only).</summary>
    internal SpeechDetector Speech { get; } = new();

    /// <summary>This tick's input frame (mixer thread only).</summary>
    internal short[] Frame { get; } = new short[ConferenceMixer.FrameSamples];

    /// <summary>Whether <see cref="Frame"/> holds audio this tick (mixer thread only).</summary>
    internal bool HasFrame { get; set; }

    /// <summary>Whether <see cref="Frame"/> went into the room's sum this tick (mixer thread only).</summary>
    internal bool InSum { get; set; }

    /// <summary>Starts sending this participant its mix, and taking its audio.</summary>
    public void Connect(IMixOutput output)
    {
        Input.Reset();
        _output = output;
    }

    /// <summary>Stops sending it the mix; what it said and was not mixed yet is dropped.</summary>
    public void Disconnect()
    {
        _output = null;
        Input.Reset();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _output = null;
        Input.Dispose();
    }
}
