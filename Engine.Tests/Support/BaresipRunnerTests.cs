using System.Buffers.Binary;

namespace RcmlEngine.Tests.Support;

/// <summary>The baresip launcher itself: two headless phones call each other, answer, send DTMF and hang up over ctrl_tcp.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class BaresipRunnerTests
{
    [Test]
    [CancelAfter(30000)]
    public async Task StartAsync_TwoPhones_DialAcceptDtmfAndHangUpAllSeenAsEvents(CancellationToken cancellationToken)
    {
        await using var bob = await BaresipRunner.StartAsync(new BaresipOptions { User = "bob", AnswerMode = "manual" }, cancellationToken);
        await using var carol = await BaresipRunner.StartAsync(new BaresipOptions { User = "carol" }, cancellationToken);

        await carol.DialAsync(bob.DirectUri(), cancellationToken);
        var incoming = await bob.WaitForEventAsync("CALL_INCOMING", cancellationToken);
        incoming.PeerUri.Should().Contain("carol");
        await bob.AcceptAsync(cancellationToken);
        await carol.WaitForEventAsync("CALL_ESTABLISHED", cancellationToken);
        await bob.WaitForEventAsync("CALL_RTPESTAB", cancellationToken);

        await carol.SendDtmfAsync("1#", cancellationToken);
        var one = await bob.WaitForEventAsync("CALL_DTMF_START", cancellationToken);
        var hash = await bob.WaitForEventAsync(e => e.Type == "CALL_DTMF_START" && e.Param == "#", cancellationToken);
        one.Param.Should().Be("1");
        hash.CallId.Should().Be(incoming.CallId);

        await carol.HangUpAsync(cancellationToken);
        (await bob.WaitForEventAsync("CALL_CLOSED", cancellationToken)).CallId.Should().Be(incoming.CallId);
    }

    [Test]
    [CancelAfter(30000)]
    public async Task StartAsync_WavSourceAndRecorder_TheCalleeRecordsTheCallersTone(CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("baresip-audio-").FullName;
        try
        {
            var tone = Path.Combine(work, "tone.wav");
            WriteTone(tone, seconds: 5);
            var recordings = Directory.CreateDirectory(Path.Combine(work, "rec")).FullName;
            await using var bob = await BaresipRunner.StartAsync(new BaresipOptions { User = "bob", AnswerMode = "auto", RecordDirectory = recordings }, cancellationToken);
            await using var carol = await BaresipRunner.StartAsync(new BaresipOptions { User = "carol" }.WithAudioFile(tone), cancellationToken);

            await carol.DialAsync(bob.DirectUri(), cancellationToken);
            await bob.WaitForEventAsync("CALL_RTPESTAB", cancellationToken);
            // A second of audio at 8 kHz, 16-bit, has reached bob's recorder.
            while (bob.Recordings().Sum(f => new FileInfo(f).Length) < 16_000)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
            }

            await carol.HangUpAsync(cancellationToken);
            await bob.WaitForEventAsync("CALL_CLOSED", cancellationToken);
            var received = bob.Recordings().Should().ContainSingle().Subject;
            Rms(received).Should().BeGreaterThan(0.2, "bob heard carol's 1 kHz tone at half scale through PCMU");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A 1 kHz sine at half scale, 8 kHz mono 16-bit PCM.</summary>
    private static void WriteTone(string path, int seconds)
    {
        const int Rate = 8000;
        var samples = Rate * seconds;
        var bytes = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), Rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), Rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (i * 2)), (short)(16384 * Math.Sin(2 * Math.PI * 1000 * i / Rate)));
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>RMS of a 16-bit PCM WAV's data chunk, 1.0 = full scale.</summary>
    private static double Rms(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 12;
        while (position + 8 <= bytes.Length && !bytes.AsSpan(position, 4).SequenceEqual("data"u8))
        {
            position += 8 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
        }

        var samples = bytes.AsSpan(Math.Min(position + 8, bytes.Length));
        double sum = 0;
        var count = samples.Length / 2;
        for (var i = 0; i < count; i++)
        {
            double sample = BinaryPrimitives.ReadInt16LittleEndian(samples[(i * 2)..]) / 32768.0;
            sum += sample * sample;
        }

        return count == 0 ? 0 : Math.Sqrt(sum / count);
    }
}
