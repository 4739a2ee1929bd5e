using BenchmarkDotNet.Attributes;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Benchmarks;

/// <summary>G.711 encode, decode and transcode of one 20 ms packet (160 samples), as the pacer and receive loop do them.</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private readonly short[] _samples = new short[160];
    private readonly byte[] _codes = new byte[160];
    private readonly byte[] _other = new byte[160];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _samples.Length; i++)
        {
            _samples[i] = (short)(12000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0));
        }

        G711Codec.Pcmu.Encode(_samples, _codes);
    }

    [Benchmark]
    public void EncodeMuLaw() => G711Codec.Pcmu.Encode(_samples, _codes);

    [Benchmark]
    public void EncodeALaw() => G711Codec.Pcma.Encode(_samples, _other);

    [Benchmark]
    public void DecodeMuLaw() => G711Codec.Pcmu.Decode(_codes, _samples);

    [Benchmark]
    public void DecodeALaw() => G711Codec.Pcma.Decode(_other, _samples);

    [Benchmark]
    public void TranscodeMuToA() => G711Transcoder.Transcode(G711Codec.Pcmu, G711Codec.Pcma, _codes, _other);
}
