using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Tests.Rtp.Dtmf;

[TestFixture]
public sealed class DtmfEventSenderTests
{
    [Test]
    public void TryWriteEvent_100MsDigit_SendsGrowingDurationsThenThreeEnds()
    {
        var sender = new DtmfEventSender();
        sender.Enqueue('7', TimeSpan.FromMilliseconds(100));
        var packets = new List<(DtmfEventPayload Payload, uint Timestamp, bool Marker)>();
        var payload = new byte[4];
        for (uint tick = 0; tick < 12; tick++)
        {
            if (sender.TryWriteEvent(5000 + (tick * 160), 160, payload, out var timestamp, out var marker))
            {
                DtmfEventPayload.TryRead(payload, out var read);
                packets.Add((read, timestamp, marker));
            }
            else
            {
                sender.OnIdle(160);
            }
        }

        packets.Select(p => (int)p.Payload.Duration).Should().Equal(160, 320, 480, 640, 800, 800, 800);
        packets.Select(p => p.Payload.End).Should().Equal(false, false, false, false, true, true, true);
        packets.Should().OnlyContain(p => p.Timestamp == 5000 && p.Payload.EventCode == 7 && p.Payload.Volume == 10);
        packets.Select(p => p.Marker).Should().Equal(true, false, false, false, false, false, false);
        sender.Busy.Should().BeFalse();
    }

    [Test]
    public void TryWriteEvent_TwoDigits_PauseBetweenThem()
    {
        var sender = new DtmfEventSender();
        sender.Enqueue('1', TimeSpan.FromMilliseconds(40));
        sender.Enqueue('2', TimeSpan.FromMilliseconds(40));
        var timeline = new List<char>();
        var payload = new byte[4];
        for (uint tick = 0; tick < 14; tick++)
        {
            if (sender.TryWriteEvent(tick * 160, 160, payload, out _, out _))
            {
                timeline.Add(DtmfEvents.Digits[payload[0]]);
            }
            else
            {
                timeline.Add('-');
                sender.OnIdle(160);
            }
        }

        new string(timeline.ToArray()).Should().Be("1111---2222---");
    }

    [Test]
    public void Enqueue_NotADigitOrTooShort_IsRefusedOrLengthened()
    {
        var sender = new DtmfEventSender();
        sender.Enqueue('x', TimeSpan.FromMilliseconds(100));
        sender.Busy.Should().BeFalse();

        sender.Enqueue('a', TimeSpan.FromMilliseconds(1));
        var payload = new byte[4];
        var ends = 0;
        var lastDuration = 0;
        for (uint tick = 0; tick < 10 && sender.TryWriteEvent(0, 160, payload, out _, out _); tick++)
        {
            DtmfEventPayload.TryRead(payload, out var read);
            read.EventCode.Should().Be(12, "A is event 12");
            ends += read.End ? 1 : 0;
            lastDuration = read.Duration;
        }

        ends.Should().Be(3);
        lastDuration.Should().Be(320, "the minimum of 40 ms");
    }

    [Test]
    public void TryWriteTones_InBand_WritesDualToneThenSilence()
    {
        var sender = new DtmfEventSender();
        sender.Enqueue('5', TimeSpan.FromMilliseconds(60));
        var frame = new short[160];

        sender.TryWriteTones(0, frame).Should().BeTrue();
        frame.Max(s => Math.Abs((int)s)).Should().BeGreaterThan(5000);
        sender.TryWriteTones(160, frame).Should().BeTrue();
        sender.TryWriteTones(320, frame).Should().BeTrue();
        sender.TryWriteTones(480, frame).Should().BeFalse();
    }

    [Test]
    public void Enqueue_Task_CompletesWithTheThirdEndPacketOnly()
    {
        var sender = new DtmfEventSender();
        var sent = sender.Enqueue('4', TimeSpan.FromMilliseconds(40));
        var payload = new byte[4];
        var ends = 0;
        while (ends < 3)
        {
            sent.IsCompleted.Should().BeFalse("the digit is still being sent");
            sender.TryWriteEvent(0, 160, payload, out _, out _).Should().BeTrue();
            DtmfEventPayload.TryRead(payload, out var read);
            ends += read.End ? 1 : 0;
        }

        sent.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Test]
    public void Abandon_DigitsWaitingAndBeingSent_TheirTasksAreCancelled()
    {
        var sender = new DtmfEventSender();
        var first = sender.Enqueue('1', TimeSpan.FromMilliseconds(100));
        var second = sender.Enqueue('2', TimeSpan.FromMilliseconds(100));
        sender.TryWriteEvent(0, 160, new byte[4], out _, out _);

        sender.Abandon();

        first.IsCanceled.Should().BeTrue();
        second.IsCanceled.Should().BeTrue();
        sender.Busy.Should().BeFalse();
        sender.Enqueue('x', TimeSpan.Zero).IsCompletedSuccessfully.Should().BeTrue("not a digit: nothing to wait for");
    }
}
