using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Tests.Rtp.Dtmf;

[TestFixture]
public sealed class DtmfEventReceiverTests
{
    private FakeTimeProvider _time = null!;
    private List<DtmfDigit> _digits = null!;
    private DtmfEventReceiver _receiver = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _digits = [];
        _receiver = new DtmfEventReceiver(_time, _digits.Add);
    }

    [Test]
    public void OnPacket_StartUpdatesAndThreeEnds_ReportsOneDigitWithDuration()
    {
        // As SIPp's dtmf_2833_1.pcap: 7 updates, then the end packet three times (one sequence number).
        for (ushort duration = 0; duration <= 1920; duration += 320)
        {
            Packet(13280, 1, end: false, duration);
        }

        Packet(13280, 1, end: true, 2240);
        Packet(13280, 1, end: true, 2240);
        Packet(13280, 1, end: true, 2240);

        _digits.Should().ContainSingle();
        _digits[0].Digit.Should().Be('1');
        _digits[0].Duration.Should().Be(TimeSpan.FromMilliseconds(280));
        _digits[0].Source.Should().Be(DtmfSource.Rfc4733);
        _digits[0].StartedAt.Should().Be(_time.GetUtcNow());
    }

    [Test]
    public void OnPacket_SameDigitTwice_ReportsTwoDigits()
    {
        Packet(1000, 5, end: true, 800);
        Packet(1000, 5, end: true, 800);
        Packet(3000, 5, end: true, 800);

        _digits.Select(d => d.Digit).Should().Equal('5', '5');
    }

    [Test]
    public void OnPacket_LostStart_ReportsFromFirstUpdateSeen()
    {
        Packet(500, 11, end: false, 480);
        Packet(500, 11, end: true, 960);

        _digits.Should().ContainSingle().Which.Digit.Should().Be('#');
    }

    [Test]
    public void OnPacket_OnlyEndPacketArrives_ReportsTheDigit()
    {
        Packet(500, 10, end: true, 960);

        _digits.Should().ContainSingle().Which.Digit.Should().Be('*');
    }

    [Test]
    public void OnTick_AllEndPacketsLost_ReportsAfterTimeout()
    {
        Packet(700, 3, end: false, 160);
        Packet(700, 3, end: false, 320);
        _receiver.OnTick();
        _digits.Should().BeEmpty();

        _time.Advance(DtmfEventReceiver.LostEndTimeout);
        _receiver.OnTick();

        _digits.Should().ContainSingle().Which.Duration.Should().Be(TimeSpan.FromMilliseconds(40));
        Packet(700, 3, end: true, 800);
        _digits.Should().ContainSingle("the late end packet belongs to the digit already reported");
    }

    [Test]
    public void OnPacket_NewEventBeforeOldEnded_ReportsBoth()
    {
        Packet(100, 1, end: false, 160);
        Packet(2000, 2, end: false, 160);
        Packet(2000, 2, end: true, 800);

        _digits.Select(d => d.Digit).Should().Equal('1', '2');
    }

    [Test]
    public void OnPacket_LongEventSegments_ReportOneDigitWithTotalDuration()
    {
        // RFC 4733 2.5.1.3: a segment ends at duration 0xFFFF, the next starts at timestamp + 0xFFFF.
        Packet(10, 0, end: false, 0xFFFF);
        Packet(10 + 0xFFFF, 0, end: false, 800);
        Packet(10 + 0xFFFF, 0, end: true, 1600);

        _digits.Should().ContainSingle().Which.Duration.Should().Be(TimeSpan.FromMilliseconds((0xFFFF + 1600) / 8.0));
    }

    [Test]
    public void OnPacket_FlashOrShortPayload_IsIgnored()
    {
        Packet(10, 16, end: true, 800);
        _receiver.OnPacket(20, [1, 0x80]);

        _digits.Should().BeEmpty();
    }

    private void Packet(uint timestamp, byte eventCode, bool end, ushort duration)
    {
        var payload = new byte[4];
        new DtmfEventPayload(eventCode, end, 10, duration).Write(payload);
        _receiver.OnPacket(timestamp, payload);
    }
}
