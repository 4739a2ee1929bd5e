using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Streaming;
using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Mixing;

/// <summary>
/// Where a session's received audio goes: to the bridged session (relayed as it arrives, so the
/// other leg's codec re-encodes it: PCMU and PCMA legs transcode through linear PCM) and to
/// the recorder. Muted, the caller's audio is replaced by silence of the same length. Runs on the
/// receive loop; every target is a non-blocking write.
/// </summary>
internal sealed class InboundAudioRouter : IRtpAudioReceiver
{
    private static readonly short[] Silence = new short[1024];

    private volatile RtpSession? _relay;
    private volatile IAudioTap? _recorder;
    private volatile IAudioTap? _mix;
    private volatile MediaStreamTaps? _streams;
    private volatile IAudioTap? _listener;
    private int _relayLatency;

    /// <summary>Whether the caller's audio is replaced by silence for the relay and the recorder.</summary>
    public bool Muted { get; set; }

    /// <summary>
    /// Relays to <paramref name="target"/>, which sends each packet as it arrives (or queues at most
    /// <paramref name="maxLatencySamples"/> when it cannot); null stops relaying.
    /// </summary>
    public void RelayTo(RtpSession? target, int maxLatencySamples)
    {
        _relayLatency = maxLatencySamples;
        _relay = target;
    }

    /// <summary>Sends audio to a recorder; null stops.</summary>
    public void RecordTo(IAudioTap? recorder) => _recorder = recorder;

    /// <summary>
    /// Sends audio to a conference mixer's input; null stops. The mixer applies the participant's mute
    /// itself (a muted participant's speech is not even detected), so this audio is never silenced here.
    /// </summary>
    public void MixInto(IAudioTap? input) => _mix = input;

    /// <summary>Sends the caller's audio (never silenced: a stream hears what was said) to media streams; null stops.</summary>
    public void StreamTo(MediaStreamTaps? streams) => _streams = streams;
    /// <summary>
    /// Sends audio to a listener (Gather's speech endpointing); null stops. It hears the caller even when
    /// muted: mute withholds the caller from others, not from the engine.
    /// </summary>
    public void ListenTo(IAudioTap? listener) => _listener = listener;

    /// <inheritdoc />
    public void OnAudio(ReadOnlySpan<short> samples)
    {
        _streams?.OnInbound(samples);
        var relay = _relay;
        var recorder = _recorder;
        _mix?.OnAudio(samples);
        _listener?.OnAudio(samples);
        if (relay is null && recorder is null)
        {
            return;
        }

        if (!Muted)
        {
            Deliver(relay, recorder, samples);
            return;
        }

        while (!samples.IsEmpty)
        {
            var count = Math.Min(samples.Length, Silence.Length);
            Deliver(relay, recorder, Silence.AsSpan(0, count));
            samples = samples[count..];
        }
    }

    private void Deliver(RtpSession? relay, IAudioTap? recorder, ReadOnlySpan<short> samples)
    {
        relay?.Relay(samples, _relayLatency);
        recorder?.OnAudio(samples);
    }
}
