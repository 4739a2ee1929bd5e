using System.Threading.Channels;
using RcmlEngine.Media.Speech;
using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Execution.Transcriptions;

/// <summary>
/// Listens to the caller's audio for a transcription (on the receive loop): an <see cref="UtteranceDetector"/>
/// endpoints one utterance, which is handed on and replaced by a fresh detector for the next. Utterances
/// wait in a bounded queue; when recognition lags that far behind, a new utterance is dropped (counted), so
/// the receive loop never waits. What the engine plays and the keys are not transcribed.
/// </summary>
internal sealed class TranscriptionListener : IMediaStreamTap
{
    /// <summary>Utterances that may wait for recognition.</summary>
    public const int Capacity = 8;

    /// <summary>The longest utterance kept before it is cut and recognized.</summary>
    public static readonly TimeSpan MaxUtterance = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Channel<short[]> _utterances = Channel.CreateBounded<short[]>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
        SingleWriter = true,
    });

    private UtteranceDetector _detector = new(null, MaxUtterance);
    private bool _finished;
    private int _dropped;

    /// <summary>The utterances, in order; completes after <see cref="Finish"/>.</summary>
    public ChannelReader<short[]> Utterances => _utterances.Reader;

    /// <summary>Utterances dropped because the queue was full.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <inheritdoc />
    public void OnInbound(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            while (!_finished && !samples.IsEmpty)
            {
                // One frame at a time, so audio after an utterance's end starts the next one.
                var count = Math.Min(samples.Length, UtteranceDetector.FrameSamples);
                _detector.OnAudio(samples[..count]);
                samples = samples[count..];
                if (_detector.Utterance.IsCompleted)
                {
                    Hand(_detector.Utterance.Result);
                    _detector = new UtteranceDetector(null, MaxUtterance);
                }
            }
        }
    }

    /// <inheritdoc />
    public void OnOutbound(ReadOnlySpan<short> samples)
    {
        // Only the caller's side is transcribed.
    }

    /// <inheritdoc />
    public void OnDigit(char digit)
    {
        // Keys are not speech.
    }

    /// <summary>Stops listening: an utterance under way is handed on as it is, then the queue completes.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            Hand(_detector.Finish());
            _utterances.Writer.TryComplete();
        }
    }

    private void Hand(short[] utterance)
    {
        if (utterance.Length > 0 && !_utterances.Writer.TryWrite(utterance))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
