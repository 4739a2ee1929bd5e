using RcmlEngine.Media.Resampling;

namespace RcmlEngine.Media.Wav;

/// <summary>
/// Plays a WAV stream: any supported encoding, rate and channel count, mixed to mono and resampled
/// to 8 kHz with <see cref="SincResampler"/> (8 kHz input passes through untouched). Reads the data
/// as it goes, so a stream still being written (espeak-ng's stdout) plays from its first bytes.
/// </summary>
internal sealed class WavAudioSource : IAudioSource
{
    private const int ChunkFrames = 2048;

    private readonly Stream _stream;
    private readonly SincResampler? _resampler;
    private readonly byte[] _raw;
    private readonly float[] _mono = new float[ChunkFrames];
    private readonly float[] _out = new float[ChunkFrames];
    private int _carry;
    private long _remaining;
    private int _pendingStart;
    private int _pendingCount;
    private bool _inputDone;

    private WavAudioSource(Stream stream, WavFormat format)
    {
        _stream = stream;
        Format = format;
        _raw = new byte[ChunkFrames * format.BlockAlign];
        _remaining = format.DataLength ?? long.MaxValue;
        _resampler = format.SampleRate == MediaAudio.SampleRate ? null : new SincResampler(format.SampleRate, MediaAudio.SampleRate);
    }

    /// <summary>The format of the file as its header gave it.</summary>
    public WavFormat Format { get; }

    /// <summary>Reads the header and returns a source positioned at the first sample; the source owns the stream.</summary>
    /// <exception cref="MediaException">The stream is not a WAV file this engine reads (the stream is disposed).</exception>
    public static async Task<WavAudioSource> OpenAsync(Stream stream, string description, CancellationToken cancellationToken)
    {
        try
        {
            var (format, error) = await WavHeaderReader.ReadAsync(stream, cancellationToken);
            if (format is null)
            {
                throw new MediaException($"{description}: {error}");
            }

            return new WavAudioSource(stream, format);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_pendingCount > 0)
            {
                return TakePending(buffer.Span);
            }

            if (_resampler is not null)
            {
                var pulled = _resampler.Pull(_out.AsSpan(0, Math.Min(_out.Length, buffer.Length)));
                if (pulled > 0)
                {
                    (_pendingStart, _pendingCount) = (0, pulled);
                    continue;
                }
            }

            if (_inputDone)
            {
                return 0;
            }

            await ReadChunkAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task ReadChunkAsync(CancellationToken cancellationToken)
    {
        var want = (int)Math.Min(_raw.Length - _carry, _remaining);
        var read = want == 0 ? 0 : await _stream.ReadAsync(_raw.AsMemory(_carry, want), cancellationToken);
        if (read == 0)
        {
            // A trailing partial frame (a truncated file) is dropped.
            _inputDone = true;
            _resampler?.Finish();
            return;
        }

        _remaining -= read;
        var available = _carry + read;
        var whole = available / Format.BlockAlign * Format.BlockAlign;
        var frames = WavSampleDecoder.Decode(Format, _raw.AsSpan(0, whole), _mono);
        _carry = available - whole;
        _raw.AsSpan(whole, _carry).CopyTo(_raw);
        if (_resampler is null)
        {
            _mono.AsSpan(0, frames).CopyTo(_out);
            (_pendingStart, _pendingCount) = (0, frames);
        }
        else
        {
            _resampler.Push(_mono.AsSpan(0, frames));
        }
    }

    private int TakePending(Span<short> destination)
    {
        var count = Math.Min(destination.Length, _pendingCount);
        var source = _out.AsSpan(_pendingStart, count);
        for (var i = 0; i < count; i++)
        {
            destination[i] = (short)Math.Clamp(MathF.Round(source[i]), short.MinValue, short.MaxValue);
        }

        _pendingStart += count;
        _pendingCount -= count;
        return count;
    }
}
