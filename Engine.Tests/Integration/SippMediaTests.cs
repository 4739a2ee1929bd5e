using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Processes;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Media.Tones;
using RcmlEngine.Media.Tts;
using RcmlEngine.Media.Wav;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Integration;

/// <summary>
/// The engine's media session against SIPp as a real RTP peer. The test places the call itself with
/// <see cref="RawSipSignalling"/> (raw SIP text, signalling only); SIPp answers, then streams pcaps at
/// the session (play_pcap_audio needs root; tests run as root) or echoes what the engine sends.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class SippMediaTests
{
    private MediaSessions _sessions = null!;
    private TempDirectory _files = null!;

    [SetUp]
    public void SetUp()
    {
        PeerPrograms.Require("sipp");
        _sessions = new MediaSessions();
        _files = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        _sessions.Dispose();
        _files.Dispose();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task G711aPcap_30msPcmaPackets_AllArriveAsSevenSecondsOfAudio(CancellationToken cancellationToken)
    {
        RequireRootForPcapPlay();
        await using var session = _sessions.Factory.Create();
        await using var sipp = SippRunner.StartUas("uas_play_g711a.xml");
        using var signalling = new RawSipSignalling(sipp.Port);
        // Recording starts before the ACK, so SIPp's first packet (sent on the ACK) is in it.
        Task<RecordingResult>? recording = null;
        await ConnectAsync(session, signalling, cancellationToken, beforeAck: () => recording = session.RecordAsync(
            new RecordOptions { FilePath = _files.File("g711a.wav"), TrimSilence = false, SilenceTimeout = TimeSpan.Zero, MaxLength = TimeSpan.FromSeconds(7.08) },
            cancellationToken));

        await WaitForQuietAsync(session, minimumPackets: 236, cancellationToken);
        var result = await recording!;
        await signalling.ByeAsync(cancellationToken);

        session.Negotiated!.Codec.EncodingName.Should().Be("PCMA");
        session.Negotiated.PacketTimeMs.Should().Be(30);
        var counters = session.Rtp.Counters;
        counters.PacketsReceived.Should().Be(236, sipp.Describe());
        counters.PacketsLost.Should().Be(0);
        result.EndedBy.Should().Be(RecordingEnd.MaxLength);
        result.Duration.Should().Be(TimeSpan.FromMilliseconds(236 * 30), "every 240-sample packet reached the recording");
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(result.FilePath), "recording", cancellationToken);
        ToneAnalysis.Rms(await AudioReading.ReadAllAsync(wav, cancellationToken)).Should().BeGreaterThan(100, "the pcap holds speech");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task DtmfPcaps_TwelveDigits_EachRecognizedExactlyOnce(CancellationToken cancellationToken)
    {
        RequireRootForPcapPlay();
        await using var session = _sessions.Factory.Create();
        var digits = new List<CallDigit>();
        session.DigitReceived = digit =>
        {
            lock (digits)
            {
                digits.Add(digit);
            }
        };
        await using var sipp = SippRunner.StartUas("uas_play_dtmf.xml");
        using var signalling = new RawSipSignalling(sipp.Port);
        await ConnectAsync(session, signalling, cancellationToken);

        await WaitForQuietAsync(session, minimumPackets: 12 * 10, cancellationToken);

        await signalling.ByeAsync(cancellationToken);

        new string(digits.Select(d => d.Digit).ToArray()).Should().Be("0123456789*#", sipp.Describe());
        digits.Should().OnlyContain(d => d.Source == DigitSource.Rfc4733 && d.Duration == TimeSpan.FromMilliseconds(280));
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RtpEcho_1kHzTone_ComesBackAt1kHzAndItsLevel(CancellationToken cancellationToken)
    {
        await using var session = _sessions.Factory.Create();
        await using var sipp = SippRunner.StartUas("uas_rtp_echo.xml", "-rtp_echo");
        using var signalling = new RawSipSignalling(sipp.Port);
        await ConnectAsync(session, signalling, cancellationToken);

        var recording = session.RecordAsync(
            new RecordOptions { FilePath = _files.File("echo.wav"), SilenceTimeout = TimeSpan.FromSeconds(1) }, cancellationToken);
        await using (var tone = StandardTones.Sine(1000, TimeSpan.FromSeconds(2), -10))
        {
            await session.PlayAsync(tone, cancellationToken);
        }

        var result = await recording;
        await signalling.ByeAsync(cancellationToken);

        result.Duration.TotalSeconds.Should().BeApproximately(2.0, 0.1, "the echoed tone, silence trimmed");
        await using var wav = await WavAudioSource.OpenAsync(File.OpenRead(result.FilePath), "echo", cancellationToken);
        var samples = await AudioReading.ReadAllAsync(wav, cancellationToken);
        var middle = samples.AsSpan(2000, 8000);
        ToneAnalysis.DominantFrequency(middle).Should().Be(1000);
        var level = 20 * Math.Log10(ToneAnalysis.Rms(middle) / (MediaAudio.PeakOf(-10) / Math.Sqrt(2)));
        level.Should().BeInRange(-0.5, 0.5, "PCMU out and back keeps -10 dBm0 within 0.5 dB");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task RtpEcho_SpokenPrompt_ComesBackWithItsLength(CancellationToken cancellationToken)
    {
        PeerPrograms.Require("espeak-ng");
        var options = new MediaOptions { CacheDirectory = _files.File("cache") };
        var speech = new EspeakSpeechSynthesizer(new ProcessRunner(NullLogger<ProcessRunner>.Instance), options, TimeProvider.System, NullLogger<EspeakSpeechSynthesizer>.Instance);
        var prompt = await speech.SynthesizeAsync(new SpeechRequest("Welcome. Please enter your account number, followed by the pound key."), cancellationToken);
        TimeSpan promptLength;
        await using (var wav = await WavAudioSource.OpenAsync(File.OpenRead(prompt), "prompt", cancellationToken))
        {
            promptLength = MediaAudio.DurationOf((await AudioReading.ReadAllAsync(wav, cancellationToken)).Length);
        }

        await using var session = _sessions.Factory.Create();
        await using var sipp = SippRunner.StartUas("uas_rtp_echo.xml", "-rtp_echo");
        using var signalling = new RawSipSignalling(sipp.Port);
        await ConnectAsync(session, signalling, cancellationToken);
        var recording = session.RecordAsync(
            new RecordOptions { FilePath = _files.File("prompt.wav"), SilenceTimeout = TimeSpan.FromSeconds(1.5) }, cancellationToken);
        await using (var source = await WavAudioSource.OpenAsync(File.OpenRead(prompt), "prompt", cancellationToken))
        {
            await session.PlayAsync(source, cancellationToken);
        }

        var result = await recording;
        await signalling.ByeAsync(cancellationToken);

        promptLength.TotalSeconds.Should().BeInRange(2.5, 8, "a sentence of a dozen words");
        result.Duration.TotalSeconds.Should().BeApproximately(promptLength.TotalSeconds, 0.6, "the echoed speech, edge silence trimmed");
        (await sipp.WaitAsync(cancellationToken)).Should().Be(0, sipp.Describe());
    }

    private static async Task ConnectAsync(
        RtpMediaSession session, RawSipSignalling signalling, CancellationToken cancellationToken, Action? beforeAck = null)
    {
        var answer = await signalling.InviteAsync(session.CreateOffer(), cancellationToken);
        var applied = session.ApplyAnswer(answer);
        applied.Succeeded.Should().BeTrue(applied.Error);
        session.Start();
        beforeAck?.Invoke();
        await signalling.AckAsync(cancellationToken);
    }

    /// <summary>Waits until packets came and then none for 700 ms (the peer finished streaming).</summary>
    private static async Task WaitForQuietAsync(RtpMediaSession session, int minimumPackets, CancellationToken cancellationToken)
    {
        var last = -1L;
        var quietSince = TimeProvider.System.GetTimestamp();
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
            var now = session.Rtp.Counters.PacketsReceived;
            if (now != last)
            {
                last = now;
                quietSince = TimeProvider.System.GetTimestamp();
            }
            else if (now >= minimumPackets && TimeProvider.System.GetElapsedTime(quietSince) > TimeSpan.FromMilliseconds(700))
            {
                return;
            }
        }
    }

    private static void RequireRootForPcapPlay()
    {
        RawSockets.Require();
    }
}
