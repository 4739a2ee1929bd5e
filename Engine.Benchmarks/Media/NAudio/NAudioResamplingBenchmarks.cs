using BenchmarkDotNet.Attributes;
using NAudio.Dsp;
using NAudio.Wave.SampleProviders;
using RcmlEngine.Media.Resampling;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// One second of a 1 kHz tone resampled to 8 kHz: the engine's <see cref="SincResampler"/> (Kaiser
/// windowed sinc, 16 zero crossings) against NAudio.Core's WDL resampler, as
/// <see cref="WdlResamplingSampleProvider"/> sets it up (linear interpolation plus a 2-pole IIR
/// low-pass) and in its own sinc mode (64 taps; 128 and 256, the sizes whose alias residue passes the engine's resampler tests). Figures go to
/// docs/performance.md, "NAudio".
/// </summary>
[MemoryDiagnoser]
public class NAudioResamplingBenchmarks
{
    private const int OutputRate = 8000;
    private float[] _input = [];
    private readonly float[] _output = new float[OutputRate + 1024];

    [Params(16000, 44100)]
    public int InputRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new float[InputRate];
        for (var i = 0; i < _input.Length; i++)
        {
            _input[i] = (float)(12000 * Math.Sin(2 * Math.PI * 1000 * i / InputRate));
        }
    }

    [Benchmark(Baseline = true)]
    public int OwnSinc()
    {
        var resampler = new SincResampler(InputRate, OutputRate);
        var total = 0;
        for (var offset = 0; offset < _input.Length; offset += 2048)
        {
            resampler.Push(_input.AsSpan(offset, Math.Min(2048, _input.Length - offset)));
            total += PullAll(resampler, total);
        }

        resampler.Finish();
        return total + PullAll(resampler, total);
    }

    [Benchmark]
    public int NAudioWdlProvider()
    {
        var provider = new WdlResamplingSampleProvider(new ArraySampleProvider(_input, InputRate), OutputRate);
        var total = 0;
        int read;
        while ((read = provider.Read(_output.AsSpan(total, Math.Min(2048, _output.Length - total)))) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark]
    public int NAudioWdlSinc() => WdlSinc(64);

    /// <summary>The smallest WDL filter size tried that keeps the alias residue under the tests' -50 dB (64 does not).</summary>
    [Benchmark]
    public int NAudioWdlSinc128() => WdlSinc(128);

    /// <summary>A WDL filter size with the engine's own margin (about -110 dB of alias residue).</summary>
    [Benchmark]
    public int NAudioWdlSinc256() => WdlSinc(256);

    private int WdlSinc(int taps)
    {
        var resampler = new WdlResampler();
        resampler.SetMode(true, 0, true, taps, 32);
        resampler.SetFeedMode(true);
        resampler.SetRates(InputRate, OutputRate);
        var total = 0;
        for (var offset = 0; offset < _input.Length; offset += 2048)
        {
            var count = Math.Min(2048, _input.Length - offset);
            var wanted = resampler.ResamplePrepare(count, 1, out var inBuffer);
            _input.AsSpan(offset, Math.Min(count, wanted)).CopyTo(inBuffer);
            total += resampler.ResampleOut(_output.AsSpan(total), Math.Min(count, wanted), _output.Length - total, 1);
        }

        return total;
    }

    private int PullAll(SincResampler resampler, int offset)
    {
        var pulled = 0;
        int n;
        while ((n = resampler.Pull(_output.AsSpan(offset + pulled, Math.Min(2048, _output.Length - offset - pulled)))) > 0)
        {
            pulled += n;
        }

        return pulled;
    }
}
