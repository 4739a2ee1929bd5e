using RcmlEngine.Media;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Media.Tones;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Rtp.Dtmf;
using RcmlEngine.Sdp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Sessions;

[TestFixture]
public sealed class RtpMediaSessionTests
{
    private MediaSessions _sessions = null!;
    private UdpTestPeer _peer = null!;
    private RtpMediaSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        _sessions = new MediaSessions();
        _peer = new UdpTestPeer();
        _session = _sessions.Factory.Create();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _session.DisposeAsync();
        _peer.Dispose();
        _sessions.Dispose();
    }

    [Test]
    public void CreateOffer_ThenPeersAnswer_AgreesOnPcmaAndSendsToThePeer()
    {
        var offer = _session.CreateOffer();
        offer.Should().Contain($"m=audio {_session.LocalEndPoint.Port} RTP/AVP 0 8 101");

        var result = _session.ApplyAnswer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port, "8 101"));

        result.Succeeded.Should().BeTrue(result.Error);
        _session.Negotiated!.Codec.EncodingName.Should().Be("PCMA");
        _session.Rtp.Config!.RemoteRtp.Should().Be(_peer.RtpEndPoint);
    }

    [Test]
    public void AnswerOffer_MalformedSdp_ReportsTheLine()
    {
        var result = _session.AnswerOffer("v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nm=audio x RTP/AVP 0\r\n");

        result.Succeeded.Should().BeFalse();
        result.Error.Should().Be("SDP line 4 \"m=audio x RTP/AVP 0\": port \"x\" is not a number from 0 to 65535");
    }

    [Test]
    public void ApplyAnswer_WithoutOffer_Fails()
    {
        _session.ApplyAnswer(MediaSessions.PeerSdp(4000)).Error.Should().Be("no offer is waiting for an answer");
    }

    [Test]
    public void AnswerOffer_PeerPutsUsOnHold_AnswersRecvonlyAndStopsSending()
    {
        var first = _session.AnswerOffer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port));
        var hold = _session.AnswerOffer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port, extra: "a=sendonly\r\n"));
        var again = _session.AnswerOffer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port, extra: "a=sendonly\r\n"));

        hold.Sdp.Should().Contain("a=recvonly");
        _session.Rtp.Config!.Send.Should().BeFalse();
        _session.Rtp.Config.Receive.Should().BeTrue();
        Version(hold.Sdp!).Should().Be(Version(first.Sdp!) + 1, "the answer changed (RFC 3264 8)");
        Version(again.Sdp!).Should().Be(Version(hold.Sdp!), "an unchanged answer keeps its version");
    }

    [Test]
    public void SetDirection_SendOnly_ReOfferPutsPeerOnHold()
    {
        _session.CreateOffer();
        _session.ApplyAnswer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port));

        _session.SetDirection(SdpDirection.SendOnly);
        var reOffer = _session.CreateOffer();
        _session.ApplyAnswer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port, extra: "a=recvonly\r\n"));

        reOffer.Should().Contain("a=sendonly");
        _session.Rtp.Config!.Send.Should().BeTrue();
        _session.Rtp.Config.Receive.Should().BeFalse("the held peer sends nothing, so no inactivity is watched");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PlayAsync_1kHzTone_ArrivesAt1kHzAndItsLevel(CancellationToken cancellationToken)
    {
        Connect("0 101");
        _session.Start();
        using var capture = _peer.Capture();

        await using var tone = StandardTones.Sine(1000, TimeSpan.FromSeconds(1), -10);
        await _session.PlayAsync(tone, cancellationToken);
        await capture.WaitForAsync(capture.Count + 5, cancellationToken);

        var samples = Decode(capture.Packets, G711Codec.Pcmu);
        // A 1 kHz sine sampled at 8 kHz passes through zero every fourth sample: measure first to last.
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > 100);
        var end = Array.FindLastIndex(samples, s => Math.Abs((int)s) > 100);
        MediaAudio.DurationOf(end - start + 1).TotalSeconds.Should().BeApproximately(1.0, 0.01, "the whole second was sent, and nothing more");
        var middle = samples.AsSpan(start + 800, 4800);
        ToneAnalysis.DominantFrequency(middle).Should().Be(1000);
        var expectedRms = MediaAudio.PeakOf(-10) / Math.Sqrt(2);
        (20 * Math.Log10(ToneAnalysis.Rms(middle) / expectedRms)).Should().BeInRange(-0.5, 0.5, "within 0.5 dB of -10 dBm0");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task DigitReceived_Rfc4733AndInfoDigits_EachReportedOnceWithItsSource(CancellationToken cancellationToken)
    {
        var digits = new List<CallDigit>();
        _session.DigitReceived = d =>
        {
            lock (digits)
            {
                digits.Add(d);
            }
        };
        Connect("0 101");
        _session.Start();

        SendEvent(_session, 3, timestamp: 1000, seq: 1);
        SendEvent(_session, 3, timestamp: 1000, seq: 3);
        await WaitUntilAsync(() => digits.Count >= 1, cancellationToken);
        _session.PushInfoDigit('9', TimeSpan.FromMilliseconds(100)).Should().BeTrue();
        _session.PushInfoDigit('x', TimeSpan.FromMilliseconds(100)).Should().BeFalse();
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, cancellationToken);

        digits.Select(d => (d.Digit, d.Source)).Should().Equal(('3', DigitSource.Rfc4733), ('9', DigitSource.SipInfo));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SendDigitAsync_TelephoneEventAgreed_SendsRfc4733EventsAndCompletesAfterTheEnd(CancellationToken cancellationToken)
    {
        Connect("0 101");
        _session.Start();
        using var capture = _peer.Capture();

        await _session.SendDigitAsync('5', TimeSpan.FromMilliseconds(100), cancellationToken);
        await WaitUntilAsync(() => Events(capture).Count(p => (p[13] & 0x80) != 0) >= 3, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);

        var events = Events(capture);
        events.Should().OnlyContain(p => p[12] == 5);
        events.Count(p => (p[13] & 0x80) != 0).Should().Be(3, "the end packet goes three times, then the digit is done");

        static List<byte[]> Events(RtpCapture capture) => [.. capture.Packets.Where(p => (p[1] & 0x7F) == 101)];
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SendDigitAsync_NoTelephoneEvent_PlaysTheToneInBand(CancellationToken cancellationToken)
    {
        Connect("0");
        _session.Start();
        using var capture = _peer.Capture();

        await _session.SendDigitAsync('1', TimeSpan.FromMilliseconds(200), cancellationToken);
        await capture.WaitForAsync(capture.Count + 2, cancellationToken);

        var samples = Decode(capture.Packets.Where(p => (p[1] & 0x7F) == 0), G711Codec.Pcmu);
        var loud = Array.FindIndex(samples, s => Math.Abs((int)s) > 1000);
        loud.Should().BeGreaterThanOrEqualTo(0, "the key is heard in the audio");
        var tone = samples.AsSpan(loud, 800);
        ToneAnalysis.Amplitude(tone, 697).Should().BeGreaterThan(1000, "the low tone of 1");
        ToneAnalysis.Amplitude(tone, 1209).Should().BeGreaterThan(1000, "the high tone of 1");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task PlayAsync_Cancelled_Throws(CancellationToken cancellationToken)
    {
        Connect("0 101");
        _session.Start();
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var prompt = StandardTones.Sine(500, TimeSpan.FromSeconds(30), -10);
        var play = _session.PlayAsync(prompt, hangUp.Token);
        await _peer.ReceiveRtpAsync(5, cancellationToken);

        await hangUp.CancelAsync();

        await play.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(15_000)]
    public async Task RecordAsync_CallerSpeaksThenPausesAndIsStopped_RecordsTheSpeech(CancellationToken cancellationToken)
    {
        Connect("0 101");
        _session.Start();
        var path = Path.Combine(Path.GetTempPath(), $"rcml-record-{Guid.NewGuid():N}.wav");
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var record = _session.RecordAsync(new RecordOptions { FilePath = path, SilenceTimeout = TimeSpan.FromSeconds(10) }, stop.Token);
            _peer.SendAudio(_session.LocalEndPoint, G711Codec.Pcmu, [.. new short[1600], .. ToneAnalysis.Sine(400, 8000, 8000), .. new short[1600]]);
            await WaitUntilAsync(() => _session.Rtp.Counters.PacketsReceived >= 70, cancellationToken);
            await stop.CancelAsync();

            var result = await record;

            result.EndedBy.Should().Be(RecordingEnd.Hangup);
            result.Duration.TotalSeconds.Should().BeApproximately(1.0, 0.05, "leading and trailing silence trimmed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BridgeAsync_PcmuLegToPcmaLeg_TranscodesAudioAndPassesDigits(CancellationToken cancellationToken)
    {
        using var otherPeer = new UdpTestPeer();
        await using var other = _sessions.Factory.Create();
        Connect("0 101");
        other.AnswerOffer(MediaSessions.PeerSdp(otherPeer.RtpEndPoint.Port, "8 96", "a=rtpmap:96 telephone-event/8000\r\na=ptime:30\r\n"));
        _session.Start();
        other.Start();
        using var bridgeEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bridge = _session.BridgeAsync(other, bridgeEnd.Token);

        using var capture = otherPeer.Capture();
        await _peer.SendAudioPacedAsync(_session.LocalEndPoint, G711Codec.Pcmu, ToneAnalysis.Sine(1000, 8000, 8000), cancellationToken);
        await capture.WaitForAsync(capture.Count + 4, cancellationToken);
        SendEvent(_session, 7, timestamp: 9000, seq: 150);
        var received = capture.Packets;

        var audio = received.Where(p => (p[1] & 0x7F) == 8).ToList();
        audio.Should().OnlyContain(p => p.Length == 12 + 240, "the PCMA leg keeps its own 30 ms packets");
        var samples = Decode(audio, G711Codec.Pcma);
        var start = Array.FindIndex(samples, s => Math.Abs((int)s) > 1000);
        var end = Array.FindLastIndex(samples, s => Math.Abs((int)s) > 1000);
        MediaAudio.DurationOf(end - start + 1).TotalSeconds.Should().BeInRange(0.97, 1.25, "the second of tone, stretched at most by jitter gaps");
        samples.Count(s => Math.Abs((int)s) > 1000).Should().BeGreaterThan(5700, "nearly all of it arrives (6 of every 8 samples of a 1 kHz sine are loud)");
        ToneAnalysis.Amplitude(samples.AsSpan(start + 800, 4800), 1000).Should().BeApproximately(8000, 400);
        ToneAnalysis.DominantFrequency(samples).Should().Be(1000);
        while (!received.Any(p => (p[1] & 0x7F) == 96))
        {
            await capture.WaitForAsync(received.Count + 1, cancellationToken);
            received = capture.Packets;
        }

        var events = received.Where(p => (p[1] & 0x7F) == 96).Select(p => p[12]).Distinct();
        events.Should().Equal((byte)7);
        await bridgeEnd.CancelAsync();
        await bridge.Invoking(b => b).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task BridgeAsync_SamePacketTime_PacketsRelayedAsTheyArrive_ByteForByteInOrder(CancellationToken cancellationToken)
    {
        using var otherPeer = new UdpTestPeer();
        await using var other = _sessions.Factory.Create();
        Connect("0");
        other.AnswerOffer(MediaSessions.PeerSdp(otherPeer.RtpEndPoint.Port, "0"));
        _session.Start();
        other.Start();
        using var bridgeEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bridge = _session.BridgeAsync(other, bridgeEnd.Token);
        using var capture = otherPeer.Capture();
        var random = new Random(4);
        var sent = new List<byte[]>();
        for (var i = 0; i < 5; i++)
        {
            var payload = new byte[160];
            random.NextBytes(payload);
            payload.AsSpan().Replace((byte)0x7F, (byte)0x7E); // 0x7F and 0xFF both decode to 0
            sent.Add(payload);
        }

        // A burst of five packets: paced, they would leave one per 20 ms tick (80 ms for the last).
        var timer = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < sent.Count; i++)
        {
            _peer.SendRtp(_session.LocalEndPoint, 0, (ushort)(500 + i), (uint)(i * 160), sent[i]);
        }

        while (capture.Packets.Count(p => sent.Any(s => p.AsSpan(12).SequenceEqual(s))) < sent.Count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        }

        timer.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(60), "each packet is relayed when it is received");
        var relayed = capture.Packets.Where(p => sent.Any(s => p.AsSpan(12).SequenceEqual(s))).ToList();
        relayed.Should().HaveCount(5);
        relayed.Select(p => (ushort)((p[2] << 8) | p[3])).Should().BeInAscendingOrder();
        await bridgeEnd.CancelAsync();
        await bridge.Invoking(b => b).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Muted_Bridged_RelaysSilence(CancellationToken cancellationToken)
    {
        using var otherPeer = new UdpTestPeer();
        await using var other = _sessions.Factory.Create();
        Connect("0 101");
        other.AnswerOffer(MediaSessions.PeerSdp(otherPeer.RtpEndPoint.Port, "0"));
        _session.Start();
        other.Start();
        _session.Muted = true;
        using var bridgeEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bridge = _session.BridgeAsync(other, bridgeEnd.Token);

        _peer.SendAudio(_session.LocalEndPoint, G711Codec.Pcmu, ToneAnalysis.Sine(1000, 8000, 4000));
        await WaitUntilAsync(() => _session.Rtp.Counters.PacketsReceived >= 25, cancellationToken);
        var received = await otherPeer.ReceiveRtpAsync(40, cancellationToken);

        Decode(received, G711Codec.Pcmu).Should().OnlyContain(s => s == 0);
        await bridgeEnd.CancelAsync();
        await bridge.Invoking(b => b).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ended_PeerSilent_EndsWithInactivity(CancellationToken cancellationToken)
    {
        using var quick = new MediaSessions(rtpOptions: new RtpOptions
        {
            MinPort = FreePorts.MediaRangeStart + 20, MaxPort = FreePorts.MediaRangeStart + 39, InactivityTimeout = TimeSpan.FromMilliseconds(300),
        });
        await using var session = quick.Factory.Create();
        session.AnswerOffer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port));
        session.Start();

        (await session.Ended.WaitAsync(cancellationToken)).Should().Be(MediaEndReason.InactivityTimeout);
    }

    private void Connect(string formats) =>
        _session.AnswerOffer(MediaSessions.PeerSdp(_peer.RtpEndPoint.Port, formats)).Succeeded.Should().BeTrue();

    private void SendEvent(RtpMediaSession session, byte eventCode, uint timestamp, ushort seq)
    {
        var payload = new byte[4];
        new DtmfEventPayload(eventCode, false, 10, 160).Write(payload);
        _peer.SendRtp(session.LocalEndPoint, 101, seq, timestamp, payload, marker: true, ssrc: 0xE1);
        new DtmfEventPayload(eventCode, true, 10, 800).Write(payload);
        _peer.SendRtp(session.LocalEndPoint, 101, (ushort)(seq + 1), timestamp, payload, ssrc: 0xE1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    private static ulong Version(string sdp) =>
        ulong.Parse(sdp.Split("\r\n")[1].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);

    private static short[] Decode(IEnumerable<byte[]> packets, G711Codec codec)
    {
        var samples = new List<short>();
        foreach (var packet in packets)
        {
            RtpHeader.TryRead(packet, out var header);
            var decoded = new short[header.PayloadLength];
            codec.Decode(packet.AsSpan(header.PayloadOffset, header.PayloadLength), decoded);
            samples.AddRange(decoded);
        }

        return samples.ToArray();
    }
}
