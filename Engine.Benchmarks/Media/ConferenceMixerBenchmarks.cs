using BenchmarkDotNet.Attributes;
using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Benchmarks.Media;

/// <summary>
/// One conference mixer tick (20 ms of audio) with every participant connected and talking: each
/// participant's input gets its next frame (as the receive loop would write it), then <c>Mix()</c>
/// sums, runs the speech detectors and sends every participant its N-1 mix to a no-op sink.
/// <see cref="RefillOnly"/> is the inputs' ring traffic alone (one write and one read each). Figures go to docs/performance.md,
/// "Conferences".
/// </summary>
[MemoryDiagnoser]
public class ConferenceMixerBenchmarks
{
    private ConferenceMixer _mixer = null!;
    private MixParticipant[] _participants = [];
    private short[][] _speech = [];
    private short[] _scratch = [];

    [Params(3, 6, 20, 100)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mixer = new ConferenceMixer();
        _participants = new MixParticipant[Participants];
        _speech = new short[Participants][];
        _scratch = new short[ConferenceMixer.FrameSamples];
        var sink = new NullMixOutput();
        for (var p = 0; p < Participants; p++)
        {
            // Distinct tones loud enough to count as speech; with many talkers the sum reaches the limiter.
            _speech[p] = new short[ConferenceMixer.FrameSamples];
            for (var i = 0; i < ConferenceMixer.FrameSamples; i++)
            {
                _speech[p][i] = (short)(2000 * Math.Sin(2 * Math.PI * (300 + (25 * p)) * i / 8000.0));
            }

            _participants[p] = new MixParticipant($"CA{p:D32}", ConferenceMixer.FrameSamples);
            _participants[p].Connect(sink);
            _mixer.Add(_participants[p]);
        }

        // Prime every input so each tick mixes every participant.
        Tick();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _mixer.Dispose();
        foreach (var participant in _participants)
        {
            participant.Dispose();
        }
    }

    [Benchmark]
    public void Tick()
    {
        Refill();
        _mixer.Mix();
    }

    [Benchmark]
    public void RefillOnly()
    {
        Refill();

        // Take the frames back out so the inputs stay at their target, as a tick would.
        foreach (var participant in _participants)
        {
            participant.Input.ReadFrame(_scratch);
        }
    }

    private void Refill()
    {
        for (var p = 0; p < _participants.Length; p++)
        {
            _participants[p].Input.OnAudio(_speech[p]);
        }
    }

    private sealed class NullMixOutput : IMixOutput
    {
        public void Send(ReadOnlySpan<short> frame)
        {
        }
    }
}
