using BenchmarkDotNet.Attributes;
using NAudio.Codecs;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using RcmlEngine.Media.Resampling;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// Ten seconds of a WAV file (in memory) read to 8 kHz mono 16-bit samples, what <c>&lt;Play&gt;</c> does:
/// the engine's <see cref="WavAudioSource"/> against NAudio.Core's <see cref="WaveFileReader"/> with
/// NAudio's sample conversion and WDL resampler, and NAudio's reader feeding the engine's
/// <see cref="SincResampler"/> (the only NAudio reading path of the same audio quality). Mu-law is
/// read as bytes and decoded with <see cref="MuLawDecoder"/>. Figures go to docs/performance.md, "NAudio".
/// </summary>
[MemoryDiagnoser]
public class NAudioWavReadBenchmarks
{
    private const int Seconds = 10;
    private readonly short[] _samples = new short[1024];
    private readonly float[] _floats = new float[1024];
    private readonly byte[] _bytes = new byte[1024];
    private byte[] _file = [];

    [Params("pcm16-8k", "pcm16-16k", "pcm16-44k1", "mulaw-8k")]
    public string Format { get; set; } = "";

    private int Rate => Format switch
    {
        "pcm16-16k" => 16000,
        "pcm16-44k1" => 44100,
        _ => 8000,
    };

    [GlobalSetup]
    public void Setup()
    {
        var rate = Rate;
        var samples = new short[rate * Seconds];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(12000 * Math.Sin(2 * Math.PI * 440 * i / rate));
        }

        using var memory = new MemoryStream();
        var format = Format == "mulaw-8k" ? WaveFormat.CreateMuLawFormat(rate, 1) : new WaveFormat(rate, 16, 1);
        using (var writer = new WaveFileWriter(memory, format))
        {
            if (Format == "mulaw-8k")
            {
                var codes = new byte[samples.Length];
                for (var i = 0; i < samples.Length; i++)
                {
                    codes[i] = MuLawEncoder.LinearToMuLawSample(samples[i]);
                }

                writer.Write(codes);
            }
            else
            {
                writer.WriteSamples(samples, 0, samples.Length);
            }
        }

        _file = memory.ToArray();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> Own()
    {
        await using var source = await WavAudioSource.OpenAsync(new MemoryStream(_file, writable: false), "bench", CancellationToken.None);
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(_samples, CancellationToken.None)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark]
    public long NAudioWdl()
    {
        using var reader = new WaveFileReader(new MemoryStream(_file, writable: false));
        if (reader.WaveFormat.Encoding == WaveFormatEncoding.MuLaw)
        {
            return ReadMuLaw(reader);
        }

        ISampleProvider provider = reader.ToSampleProvider();
        if (provider.WaveFormat.SampleRate != 8000)
        {
            provider = new WdlResamplingSampleProvider(provider, 8000);
        }

        long total = 0;
        int read;
        while ((read = provider.Read(_floats)) > 0)
        {
            ToShorts(_floats.AsSpan(0, read), 32768f);
            total += read;
        }

        return total;
    }

    [Benchmark]
    public long NAudioOwnSinc()
    {
        using var reader = new WaveFileReader(new MemoryStream(_file, writable: false));
        if (reader.WaveFormat.Encoding == WaveFormatEncoding.MuLaw)
        {
            return ReadMuLaw(reader);
        }

        var provider = reader.ToSampleProvider();
        var resampler = provider.WaveFormat.SampleRate == 8000 ? null : new SincResampler(provider.WaveFormat.SampleRate, 8000);
        var scratch = new float[_floats.Length];
        long total = 0;
        int read;
        while ((read = provider.Read(_floats)) > 0)
        {
            if (resampler is null)
            {
                ToShorts(_floats.AsSpan(0, read), 32768f);
                total += read;
                continue;
            }

            for (var i = 0; i < read; i++)
            {
                _floats[i] *= 32768f;
            }

            resampler.Push(_floats.AsSpan(0, read));
            total += Drain(resampler, scratch);
        }

        resampler?.Finish();
        return resampler is null ? total : total + Drain(resampler, scratch);
    }

    private long ReadMuLaw(WaveFileReader reader)
    {
        long total = 0;
        int read;
        while ((read = reader.Read(_bytes)) > 0)
        {
            MuLawDecoder.Decode(_bytes.AsSpan(0, read), _samples);
            total += read;
        }

        return total;
    }

    private int Drain(SincResampler resampler, float[] scratch)
    {
        var total = 0;
        int pulled;
        while ((pulled = resampler.Pull(scratch)) > 0)
        {
            ToShorts(scratch.AsSpan(0, pulled), 1f);
            total += pulled;
        }

        return total;
    }

    private void ToShorts(ReadOnlySpan<float> source, float scale)
    {
        for (var i = 0; i < source.Length; i++)
        {
            _samples[i] = (short)Math.Clamp(MathF.Round(source[i] * scale), short.MinValue, short.MaxValue);
        }
    }
}
