using BenchmarkDotNet.Attributes;
using NAudio.Codecs;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// G.711 of one 20 ms packet (160 samples), the engine's codec against NAudio.Core's
/// <see cref="MuLawEncoder"/>/<see cref="MuLawDecoder"/>/<see cref="ALawEncoder"/>/<see cref="ALawDecoder"/>.
/// NAudio has no span encoder, so its encode is its per-sample method in a loop. Figures go to
/// docs/performance.md, "NAudio".
/// </summary>
[MemoryDiagnoser]
public class NAudioG711Benchmarks
{
    private readonly short[] _samples = new short[160];
    private readonly byte[] _muCodes = new byte[160];
    private readonly byte[] _aCodes = new byte[160];
    private readonly byte[] _codesOut = new byte[160];
    private readonly short[] _samplesOut = new short[160];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _samples.Length; i++)
        {
            _samples[i] = (short)(12000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0));
        }

        G711Codec.Pcmu.Encode(_samples, _muCodes);
        G711Codec.Pcma.Encode(_samples, _aCodes);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("MuLawEncode")]
    public void OwnMuLawEncode() => G711Codec.Pcmu.Encode(_samples, _codesOut);

    [Benchmark]
    [BenchmarkCategory("MuLawEncode")]
    public void NAudioMuLawEncode()
    {
        for (var i = 0; i < _samples.Length; i++)
        {
            _codesOut[i] = MuLawEncoder.LinearToMuLawSample(_samples[i]);
        }
    }

    [Benchmark]
    [BenchmarkCategory("MuLawDecode")]
    public void OwnMuLawDecode() => G711Codec.Pcmu.Decode(_muCodes, _samplesOut);

    [Benchmark]
    [BenchmarkCategory("MuLawDecode")]
    public void NAudioMuLawDecode() => MuLawDecoder.Decode(_muCodes, _samplesOut);

    [Benchmark]
    [BenchmarkCategory("ALawEncode")]
    public void OwnALawEncode() => G711Codec.Pcma.Encode(_samples, _codesOut);

    [Benchmark]
    [BenchmarkCategory("ALawEncode")]
    public void NAudioALawEncode()
    {
        for (var i = 0; i < _samples.Length; i++)
        {
            _codesOut[i] = ALawEncoder.LinearToALawSample(_samples[i]);
        }
    }

    [Benchmark]
    [BenchmarkCategory("ALawDecode")]
    public void OwnALawDecode() => G711Codec.Pcma.Decode(_aCodes, _samplesOut);

    [Benchmark]
    [BenchmarkCategory("ALawDecode")]
    public void NAudioALawDecode() => ALawDecoder.Decode(_aCodes, _samplesOut);
}
