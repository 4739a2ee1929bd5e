using System.Buffers;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Streams;

/// <summary>
/// The call's side: audio and keys handed in on the media threads, cut into 20 ms mu-law frames and
/// queued. Nothing here waits: a full queue drops the new media frame (counted).
/// </summary>
internal sealed partial class MediaStreamClient
{
    private readonly TrackBuffer _inbound;
    private readonly TrackBuffer _outbound;
    private long _queuedMedia;
    private long _queuedTotal;
    private long _dropped;

    /// <inheritdoc />
    public void OnInbound(ReadOnlySpan<short> samples)
    {
        if ((Start.Tracks & MediaStreamTracks.Inbound) != 0)
        {
            Collect(_inbound, samples);
        }
    }

    /// <inheritdoc />
    public void OnOutbound(ReadOnlySpan<short> samples)
    {
        if ((Start.Tracks & MediaStreamTracks.Outbound) != 0)
        {
            Collect(_outbound, samples);
        }
    }

    /// <inheritdoc />
    public void OnDigit(char digit) =>
        _frames.Writer.TryWrite(new StreamFrame(StreamFrameKind.Dtmf, MediaStreamTrack.Inbound, 0, 0, null, DigitText(digit)));

    private void OnMarkPlayed(string name) =>
        _frames.Writer.TryWrite(new StreamFrame(StreamFrameKind.Mark, MediaStreamTrack.Outbound, 0, 0, null, name));

    private void Collect(TrackBuffer track, ReadOnlySpan<short> samples)
    {
        lock (track)
        {
            while (!samples.IsEmpty)
            {
                var take = Math.Min(samples.Length, track.Samples.Length - track.Filled);
                samples[..take].CopyTo(track.Samples.AsSpan(track.Filled));
                track.Filled += take;
                samples = samples[take..];
                if (track.Filled == track.Samples.Length)
                {
                    track.Filled = 0;
                    QueueMedia(track);
                }
            }
        }
    }

    private void QueueMedia(TrackBuffer track)
    {
        // The chunk counts every frame, dropped or not: a gap in chunks shows the server what was lost.
        var chunk = ++track.Chunk;
        if (Interlocked.Read(ref _queuedMedia) >= _limits.MaxQueuedMediaFrames)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var payload = ArrayPool<byte>.Shared.Rent(MediaStreamMessages.FrameBytes);
        G711MuLaw.Encode(track.Samples, payload.AsSpan(0, MediaStreamMessages.FrameBytes));
        var timestamp = (long)_time.GetElapsedTime(_startedAt).TotalMilliseconds;
        Interlocked.Increment(ref _queuedMedia);
        if (_frames.Writer.TryWrite(new StreamFrame(StreamFrameKind.Media, track.Track, chunk, timestamp, payload, null)))
        {
            Interlocked.Increment(ref _queuedTotal);
            return;
        }

        // The stream is stopping: the frame goes nowhere.
        Interlocked.Decrement(ref _queuedMedia);
        ArrayPool<byte>.Shared.Return(payload);
    }

    private static string DigitText(char digit) => digit switch
    {
        >= '0' and <= '9' => Digits[digit - '0'],
        '*' => "*",
        '#' => "#",
        _ => digit.ToString(),
    };

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>One track's frame being filled, and its chunk counter.</summary>
    private sealed class TrackBuffer(MediaStreamTrack track)
    {
        public MediaStreamTrack Track { get; } = track;

        public short[] Samples { get; } = new short[MediaStreamMessages.FrameBytes];

        public int Filled { get; set; }

        public long Chunk { get; set; }
    }
}
