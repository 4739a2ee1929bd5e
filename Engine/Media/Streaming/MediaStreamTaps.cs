using RcmlEngine.Rtp;

namespace RcmlEngine.Media.Streaming;

/// <summary>
/// The media streams tapping one session: a copy-on-write array, so the receive loop and the pacer read it
/// without a lock or an allocation. Adding and removing are rare (a verb) and take a lock.
/// </summary>
internal sealed class MediaStreamTaps : IRtpAudioReceiver
{
    private readonly Lock _lock = new();
    private volatile IMediaStreamTap[] _taps = [];

    /// <summary>True when no stream is tapping.</summary>
    public bool IsEmpty => _taps.Length == 0;

    /// <summary>Adds <paramref name="tap"/>.</summary>
    public void Add(IMediaStreamTap tap)
    {
        lock (_lock)
        {
            _taps = [.. _taps, tap];
        }
    }

    /// <summary>Removes <paramref name="tap"/>; false when it was not there.</summary>
    public bool Remove(IMediaStreamTap tap)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_taps, tap);
            if (index < 0)
            {
                return false;
            }

            _taps = [.. _taps.AsSpan(0, index), .. _taps.AsSpan(index + 1)];
            return true;
        }
    }

    /// <summary>Hands the caller's audio to every tap.</summary>
    public void OnInbound(ReadOnlySpan<short> samples)
    {
        foreach (var tap in _taps)
        {
            tap.OnInbound(samples);
        }
    }

    /// <summary>The sent audio (this object is the RTP session's <see cref="RtpSession.SentAudio"/>).</summary>
    public void OnAudio(ReadOnlySpan<short> samples)
    {
        foreach (var tap in _taps)
        {
            tap.OnOutbound(samples);
        }
    }

    /// <summary>Hands a key to every tap.</summary>
    public void OnDigit(char digit)
    {
        foreach (var tap in _taps)
        {
            tap.OnDigit(digit);
        }
    }
}
