using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Media;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Recording;

[TestFixture]
public sealed class CallRecorderTests
{
    private static readonly short[] Speech = ToneAnalysis.Sine(300, 6000, 8000);
    private static readonly short[] Quiet = new short[8000];

    private TempDirectory _files = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp()
    {
        _files = new TempDirectory();
        _time = new FakeTimeProvider();
    }

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_SpeechThenSilence_StopsOnSilenceAndTrimsBothEnds(CancellationToken cancellationToken)
    {
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("a.wav"), SilenceTimeout = TimeSpan.FromSeconds(2) });
        var run = recorder.RunAsync(cancellationToken);

        await FeedAsync(recorder, Quiet, 1, run);
        await FeedAsync(recorder, Speech, 1.5, run);
        await FeedAsync(recorder, Quiet, 3, run);
        var result = await run;

        result.EndedBy.Should().Be(RecordingEnd.Silence);
        result.Duration.TotalSeconds.Should().BeApproximately(1.5, 0.03);
        var samples = await ReadAsync(result.FilePath);
        samples.Length.Should().Be(MediaAudio.SamplesOf(result.Duration));
        ToneAnalysis.Rms(samples.AsSpan(0, 160)).Should().BeGreaterThan(1000, "the file starts with the speech");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_NoTrim_KeepsLeadingSilence(CancellationToken cancellationToken)
    {
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("b.wav"), SilenceTimeout = TimeSpan.FromSeconds(2), TrimSilence = false });
        var run = recorder.RunAsync(cancellationToken);

        await FeedAsync(recorder, Quiet, 1, run);
        await FeedAsync(recorder, Speech, 1, run);
        await FeedAsync(recorder, Quiet, 3, run);
        var result = await run;

        result.Duration.TotalSeconds.Should().BeApproximately(4.0, 0.03, "1 s quiet, 1 s speech, 2 s quiet until the timeout");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_MaxLength_StopsExactlyThere(CancellationToken cancellationToken)
    {
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("c.wav"), MaxLength = TimeSpan.FromSeconds(2) });
        var run = recorder.RunAsync(cancellationToken);

        await FeedAsync(recorder, Speech, 5, run);
        var result = await run;

        result.EndedBy.Should().Be(RecordingEnd.MaxLength);
        result.Duration.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Stop_FinishKey_EndsWithTheKey(CancellationToken cancellationToken)
    {
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("d.wav") });
        var run = recorder.RunAsync(cancellationToken);

        await FeedAsync(recorder, Speech, 1, run);
        recorder.Stop(RecordingEnd.FinishKey, '#');
        var result = await run;

        result.EndedBy.Should().Be(RecordingEnd.FinishKey);
        result.FinishKey.Should().Be('#');
        result.Duration.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_NoAudioArrives_StopsOnSilenceByTheClock(CancellationToken cancellationToken)
    {
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("e.wav"), SilenceTimeout = TimeSpan.FromSeconds(3) });
        var run = recorder.RunAsync(cancellationToken);

        for (var i = 0; i < 40 && !run.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var result = await run;
        result.EndedBy.Should().Be(RecordingEnd.Silence);
        result.Duration.Should().Be(TimeSpan.Zero);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_Cancelled_KeepsWhatWasRecorded(CancellationToken cancellationToken)
    {
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("f.wav"), TrimSilence = false });
        var run = recorder.RunAsync(hangUp.Token);

        await FeedAsync(recorder, Speech, 0.5, run);
        await hangUp.CancelAsync();
        var result = await run;

        result.EndedBy.Should().Be(RecordingEnd.Hangup);
        result.Duration.Should().Be(TimeSpan.FromSeconds(0.5));
        (await ReadAsync(result.FilePath)).Should().HaveCount(4000);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task RunAsync_CancelledForAFinishKey_ReportsTheKeyNotAHangUp(CancellationToken cancellationToken)
    {
        using var finish = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cause = new RecordingStopCause();
        using var recorder = Recorder(new RecordOptions { FilePath = _files.File("f.wav"), TrimSilence = false, StopCause = cause });
        var run = recorder.RunAsync(finish.Token);

        await FeedAsync(recorder, Speech, 0.5, run);
        cause.Set(RecordingEnd.FinishKey, '#');
        await finish.CancelAsync();
        var result = await run;

        result.EndedBy.Should().Be(RecordingEnd.FinishKey);
        result.FinishKey.Should().Be('#');
    }

    private CallRecorder Recorder(RecordOptions options) => new(options, _time, NullLogger.Instance);

    /// <summary>Delivers audio as RTP does, 160 samples at a time, letting the writer drain every 100 ms of it.</summary>
    private async Task FeedAsync(CallRecorder recorder, short[] second, double seconds, Task run)
    {
        var total = (int)(seconds * 8000);
        for (var sent = 0; sent < total && !run.IsCompleted; sent += 160)
        {
            recorder.OnAudio(second.AsSpan(sent % 8000, Math.Min(160, total - sent)));
            if ((sent / 160) % 5 == 4)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
                while (recorder.Buffered > 160 && !run.IsCompleted)
                {
                    await Task.Yield();
                }
            }
        }
    }

    private static async Task<short[]> ReadAsync(string path)
    {
        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(path), path, CancellationToken.None);
        source.Format.Should().Be(new WavFormat(WavEncoding.Pcm, 1, 8000, 16, source.Format.DataLength));
        return await AudioReading.ReadAllAsync(source);
    }
}
