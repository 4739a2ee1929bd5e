using BenchmarkDotNet.Attributes;
using NAudio.Wave;
using RcmlEngine.Media.Wav;

namespace RcmlEngine.Benchmarks.Media.NAudio;

/// <summary>
/// A 60-second recording written as <c>&lt;Record&gt;</c> writes one: 8 kHz 16-bit mono, one 20 ms
/// frame (160 samples) at a time, to a file in the temp folder: the engine's <see cref="WavFileWriter"/>
/// against NAudio.Core's <see cref="WaveFileWriter"/> (<c>WriteSamples(short[])</c>). Figures go to
/// docs/performance.md, "NAudio".
/// </summary>
[MemoryDiagnoser]
public class NAudioWavWriteBenchmarks
{
    private const int Frames = 60 * 50;
    private readonly short[] _frame = new short[160];
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"rcml-bench-{Environment.ProcessId}.wav");
        for (var i = 0; i < _frame.Length; i++)
        {
            _frame[i] = (short)(12000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long Own()
    {
        using var writer = new WavFileWriter(_path);
        for (var i = 0; i < Frames; i++)
        {
            writer.Write(_frame);
        }

        writer.Complete();
        return writer.SamplesWritten;
    }

    [Benchmark]
    public long NAudio()
    {
        using var writer = new WaveFileWriter(_path, new WaveFormat(8000, 16, 1));
        for (var i = 0; i < Frames; i++)
        {
            writer.WriteSamples(_frame, 0, _frame.Length);
        }

        return writer.Length;
    }
}
