using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Rtp.Dtmf;
using RcmlEngine.Rtp.Rtcp;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Rtp;

[TestFixture]
public sealed class RtpSessionTests
{
    private RtpPacer _pacer = null!;
    private RtpReceivePoller _poller = null!;
    private UdpTestPeer _peer = null!;
    private RtpSession _session = null!;

    [SetUp]
    public void SetUp()
    {
        _pacer = new RtpPacer(TimeProvider.System, NullLogger<RtpPacer>.Instance, new RtpOptions());
        _poller = new RtpReceivePoller(NullLogger<RtpReceivePoller>.Instance, new RtpOptions());
        _peer = new UdpTestPeer();
        _session = NewSession(new RtpOptions());
    }

    [TearDown]
    public async Task TearDown()
    {
        await _session.DisposeAsync();
        _peer.Dispose();
        _pacer.Dispose();
        _poller.Dispose();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Start_TonePlayed_SendsPcmuPacketsWithRtpRules(CancellationToken cancellationToken)
    {
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Outbound.Write(ToneAnalysis.Sine(1000, 8000, 8000));
        _session.Start();

        var packets = await _peer.ReceiveRtpAsync(20, cancellationToken);

        var headers = packets.Select(p => RtpHeader.TryRead(p, out var h) ? h : default).ToList();
        headers.Should().OnlyContain(h => h.PayloadType == 0 && h.Ssrc == _session.Ssrc && h.PayloadLength == 160);
        headers.Select(h => h.Marker).Should().Equal([true, .. Enumerable.Repeat(false, 19)]);
        headers.Zip(headers.Skip(1)).Should().OnlyContain(p => (ushort)(p.Second.SequenceNumber - p.First.SequenceNumber) == 1);
        headers.Zip(headers.Skip(1)).Should().OnlyContain(p => p.Second.Timestamp - p.First.Timestamp == 160);
        var decoded = Decode(packets, G711Codec.Pcmu);
        ToneAnalysis.DominantFrequency(decoded).Should().Be(1000);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Configure_Ptime30_Sends240SamplePackets(CancellationToken cancellationToken)
    {
        _session.Configure(Config(G711Codec.Pcma, 8) with { PacketTimeMs = 30 });
        _session.Start();

        var packets = await _peer.ReceiveRtpAsync(3, cancellationToken);

        packets.Should().OnlyContain(p => p.Length == 12 + 240 && (p[1] & 0x7F) == 8);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_ReorderedPcmaPackets_DeliversAudioInOrder(CancellationToken cancellationToken)
    {
        var receiver = new CollectingReceiver(800);
        _session.AudioReceiver = receiver;
        _session.Configure(Config(G711Codec.Pcma, 8));
        _session.Start();
        var ramp = Enumerable.Range(0, 800).Select(i => (short)(i * 32)).ToArray();
        var payloads = Enumerable.Range(0, 5).Select(i => Encode(G711Codec.Pcma, ramp.AsSpan(i * 160, 160))).ToArray();

        foreach (var i in new[] { 0, 2, 1, 4, 3 })
        {
            _peer.SendRtp(_session.LocalEndPoint, 8, (ushort)(500 + i), (uint)(i * 160), payloads[i]);
        }

        var samples = await receiver.Completed.WaitAsync(cancellationToken);
        samples.Should().BeInAscendingOrder("each packet continues the ramp");
        samples.Should().HaveCount(800);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_LostPacket_IsFilledWithSilence(CancellationToken cancellationToken)
    {
        var receiver = new CollectingReceiver(640);
        _session.AudioReceiver = receiver;
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Start();
        var loud = Encode(G711Codec.Pcmu, ToneAnalysis.Sine(500, 8000, 160));

        _peer.SendRtp(_session.LocalEndPoint, 0, 1, 0, loud);
        _peer.SendRtp(_session.LocalEndPoint, 0, 3, 320, loud);
        for (ushort s = 4; s < 8; s++)
        {
            _peer.SendRtp(_session.LocalEndPoint, 0, s, (uint)((s - 1) * 160), loud);
        }

        var samples = await receiver.Completed.WaitAsync(cancellationToken);
        samples.Skip(160).Take(160).Should().OnlyContain(s => s == 0, "packet 2 never came");
        ToneAnalysis.Rms(samples.Skip(320).Take(160).ToArray()).Should().BeGreaterThan(1000);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_FromUnexpectedPort_LatchesAndSendsThere(CancellationToken cancellationToken)
    {
        // The peer sends from another port of its signalled address, at once: RTP follows the packets' real source.
        using var elsewhere = new UdpTestPeer();
        _session.Configure(Config(G711Codec.Pcmu, 0) with { RemoteRtp = elsewhere.RtpEndPoint });
        _session.Start();

        _peer.SendRtp(_session.LocalEndPoint, 0, 1, 0, new byte[160]);
        var packets = await _peer.ReceiveRtpAsync(2, cancellationToken);

        packets.Should().HaveCount(2);
        _session.RemoteEndPoint.Should().Be(_peer.RtpEndPoint);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_FromSourcePortZero_CountedButNotLatched(CancellationToken cancellationToken)
    {
        // SIPp's pcap replay sends from port 0: replying there fails (EINVAL), so the signalled address stays.
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Start();
        var packet = new byte[RtpHeader.FixedLength + 160];
        RtpHeader.Write(packet, true, 0, 1, 0, 0x1234);

        ((IPolledReceiver)_session).OnDatagram(packet, new IPEndPoint(IPAddress.Loopback, 0).Serialize());
        await _peer.ReceiveRtpAsync(2, cancellationToken);

        _session.Counters.PacketsReceived.Should().Be(1);
        _session.RemoteEndPoint.Should().Be(_peer.RtpEndPoint);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Receive_EventPackets_ReportsTheDigitOnce(CancellationToken cancellationToken)
    {
        var digits = new ConcurrentQueue<DtmfDigit>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _session.DigitReceived = d =>
        {
            digits.Enqueue(d);
            first.TrySetResult();
        };
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Start();

        ushort seq = 10;
        foreach (var (end, duration) in new[] { (false, 0), (false, 320), (true, 640), (true, 640), (true, 640) })
        {
            var payload = new byte[4];
            new DtmfEventPayload(9, end, 10, (ushort)duration).Write(payload);
            _peer.SendRtp(_session.LocalEndPoint, 101, end ? seq : seq++, 8000, payload);
        }

        _peer.SendRtp(_session.LocalEndPoint, 0, 14, 8640, new byte[160]);
        await first.Task.WaitAsync(cancellationToken);
        await WaitForPacketsReceived(6, cancellationToken);

        digits.Should().ContainSingle().Which.Digit.Should().Be('9');
    }

    [Test]
    [CancelAfter(5000)]
    public async Task SendDigit_WithTelephoneEvent_SendsEventPacketsAndThreeEnds(CancellationToken cancellationToken)
    {
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Start();
        var sent = _session.SendDigit('#', TimeSpan.FromMilliseconds(60));

        var events = new List<RtpHeader>();
        var payloads = new List<DtmfEventPayload>();
        while (payloads.Count(p => p.End) < 3)
        {
            var packet = (await _peer.ReceiveRtpAsync(1, cancellationToken))[0];
            RtpHeader.TryRead(packet, out var header);
            if (header.PayloadType == 101)
            {
                events.Add(header);
                DtmfEventPayload.TryRead(packet.AsSpan(header.PayloadOffset), out var payload);
                payloads.Add(payload);
            }
        }

        payloads.Should().OnlyContain(p => p.EventCode == 11);
        payloads.Select(p => (int)p.Duration).Should().Equal(160, 320, 480, 480, 480);
        events.Select(e => e.Timestamp).Distinct().Should().ContainSingle();
        events[0].Marker.Should().BeTrue();
        await sent.WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Configure_SendOff_StopsPacketsAndResumesWithMarker(CancellationToken cancellationToken)
    {
        var config = Config(G711Codec.Pcmu, 0);
        _session.Configure(config);
        _session.Start();
        await _peer.ReceiveRtpAsync(2, cancellationToken);

        _session.Configure(config with { Send = false });
        var sentWhileHeld = _session.Counters.PacketsSent;
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        var drained = 0;
        while (_peer.Rtp.Available > 0)
        {
            await _peer.ReceiveRtpAsync(1, cancellationToken);
            drained++;
        }

        _session.Counters.PacketsSent.Should().BeLessThanOrEqualTo(sentWhileHeld + 1, "nothing is sent on hold");
        _session.Configure(config);
        var resumed = (await _peer.ReceiveRtpAsync(1, cancellationToken))[0];
        RtpHeader.TryRead(resumed, out var header);
        header.Marker.Should().BeTrue("sending resumed after a pause");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Ended_NoRtpArrives_EndsWithInactivityTimeout(CancellationToken cancellationToken)
    {
        await using var quiet = NewSession(new RtpOptions { InactivityTimeout = TimeSpan.FromMilliseconds(300) });
        quiet.Configure(Config(G711Codec.Pcmu, 0));
        quiet.Start();

        var reason = await quiet.Ended.WaitAsync(cancellationToken);

        reason.Should().Be(RtpEndReason.InactivityTimeout);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Ended_PeerOnHoldSendsNothing_DoesNotTimeOut(CancellationToken cancellationToken)
    {
        await using var held = NewSession(new RtpOptions { InactivityTimeout = TimeSpan.FromMilliseconds(200) });
        held.Configure(Config(G711Codec.Pcmu, 0) with { Receive = false });
        held.Start();

        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);

        held.Ended.IsCompleted.Should().BeFalse();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Ended_PeerHoldsWithSendonlyAndSendsNothing_DoesNotTimeOut(CancellationToken cancellationToken)
    {
        await using var held = NewSession(new RtpOptions { InactivityTimeout = TimeSpan.FromMilliseconds(200) });
        held.Configure(Config(G711Codec.Pcmu, 0) with { Send = false });
        held.Start();

        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);

        held.Ended.IsCompleted.Should().BeFalse("this side answered recvonly: the holder may stay silent");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Ended_ResumedAfterALongHold_TimesOutOnlyAfterAFreshTimeout(CancellationToken cancellationToken)
    {
        await using var session = NewSession(new RtpOptions { InactivityTimeout = TimeSpan.FromMilliseconds(300) });
        session.Configure(Config(G711Codec.Pcmu, 0) with { Send = false });
        session.Start();
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, cancellationToken);

        var resumed = TimeProvider.System.GetTimestamp();
        session.Configure(Config(G711Codec.Pcmu, 0));
        var reason = await session.Ended.WaitAsync(cancellationToken);

        reason.Should().Be(RtpEndReason.InactivityTimeout, "two-way media again, and still nothing arrives");
        TimeProvider.System.GetElapsedTime(resumed).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), "the hold's silence does not count");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task StopAsync_AfterSending_SendsRtcpBye(CancellationToken cancellationToken)
    {
        _session.Configure(Config(G711Codec.Pcmu, 0));
        _session.Start();
        await _peer.ReceiveRtpAsync(3, cancellationToken);

        await _session.StopAsync();

        var rtcp = await _peer.ReceiveRtcpAsync(1, cancellationToken);
        var summary = RtcpCompoundReader.Read(rtcp[^1]);
        summary.Valid.Should().BeTrue();
        summary.Bye.Should().BeTrue();
        summary.SenderSsrc.Should().Be(_session.Ssrc);
        rtcp[^1][1].Should().Be(RtcpPacket.SenderReport, "packets were sent, so the report is an SR");
        (await _session.Ended).Should().Be(RtpEndReason.Stopped);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Start_Ipv6Loopback_SendsAndLatches(CancellationToken cancellationToken)
    {
        using var peer = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        RtpSocketPair sockets;
        try
        {
            peer.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            sockets = new RtpSocketPair(RtpSocketPair.Bind(IPAddress.IPv6Loopback, 0), RtpSocketPair.Bind(IPAddress.IPv6Loopback, 0));
        }
        catch (SocketException ex)
        {
            Assert.Ignore($"no IPv6 loopback here: {ex.SocketErrorCode}");
            return;
        }

        await using var session = new RtpSession(sockets, _pacer, _poller, TimeProvider.System, NullLogger<RtpSession>.Instance, new RtpOptions());
        var peerEndPoint = (IPEndPoint)peer.LocalEndPoint!;
        session.Configure(new RtpStreamConfig(peerEndPoint, null, G711Codec.Pcmu, 0, 101, 20, Send: true, Receive: true));
        session.Start();

        var buffer = new byte[2048];
        var length = await peer.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

        RtpHeader.TryRead(buffer.AsSpan(0, length), out var header).Should().BeTrue();
        header.Ssrc.Should().Be(session.Ssrc);
        session.LocalEndPoint.AddressFamily.Should().Be(AddressFamily.InterNetworkV6);
    }

    private RtpSession NewSession(RtpOptions options)
    {
        var sockets = new RtpSocketPair(RtpSocketPair.Bind(IPAddress.Loopback, 0), RtpSocketPair.Bind(IPAddress.Loopback, 0));
        return new RtpSession(sockets, _pacer, _poller, TimeProvider.System, NullLogger<RtpSession>.Instance, options);
    }

    private RtpStreamConfig Config(G711Codec codec, byte payloadType) =>
        new(_peer.RtpEndPoint, _peer.RtcpEndPoint, codec, payloadType, 101, 20, Send: true, Receive: true);

    private async Task WaitForPacketsReceived(int count, CancellationToken cancellationToken)
    {
        while (_session.Counters.PacketsReceived < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    private static byte[] Encode(G711Codec codec, ReadOnlySpan<short> samples)
    {
        var payload = new byte[samples.Length];
        codec.Encode(samples, payload);
        return payload;
    }

    private static short[] Decode(List<byte[]> packets, G711Codec codec)
    {
        var samples = new List<short>();
        foreach (var packet in packets)
        {
            var decoded = new short[packet.Length - 12];
            codec.Decode(packet.AsSpan(12), decoded);
            samples.AddRange(decoded);
        }

        return samples.ToArray();
    }

    private sealed class CollectingReceiver(int target) : IRtpAudioReceiver
    {
        private readonly List<short> _samples = [];
        private readonly TaskCompletionSource<short[]> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<short[]> Completed => _completed.Task;

        public void OnAudio(ReadOnlySpan<short> samples)
        {
            _samples.AddRange(samples);
            if (_samples.Count >= target)
            {
                _completed.TrySetResult(_samples.Take(target).ToArray());
            }
        }
    }
}
