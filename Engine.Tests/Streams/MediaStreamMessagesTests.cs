using System.Buffers;
using System.Text.Json;
using RcmlEngine.Streams;

namespace RcmlEngine.Tests.Streams;

[TestFixture]
public sealed class MediaStreamMessagesTests
{
    private static readonly MediaStreamStart Start = new()
    {
        Url = new Uri("wss://x/y"),
        StreamSid = "MZ" + new string('a', 32),
        AccountSid = "AC" + new string('b', 32),
        CallSid = "CA" + new string('c', 32),
        Tracks = MediaStreamTracks.Both,
        CustomParameters = [new("FirstName", "Jane")],
    };

    [Test]
    public void WriteStart_HasTwiliosShape()
    {
        var json = Write(w => MediaStreamMessages.WriteStart(w, 1, Start));

        json.GetProperty("event").GetString().Should().Be("start");
        json.GetProperty("sequenceNumber").GetString().Should().Be("1");
        json.GetProperty("streamSid").GetString().Should().Be(Start.StreamSid);
        var start = json.GetProperty("start");
        start.GetProperty("accountSid").GetString().Should().Be(Start.AccountSid);
        start.GetProperty("callSid").GetString().Should().Be(Start.CallSid);
        start.GetProperty("tracks").EnumerateArray().Select(t => t.GetString()).Should().Equal("inbound", "outbound");
        start.GetProperty("customParameters").GetProperty("FirstName").GetString().Should().Be("Jane");
        start.GetProperty("mediaFormat").GetProperty("encoding").GetString().Should().Be("audio/x-mulaw");
        start.GetProperty("mediaFormat").GetProperty("sampleRate").GetInt32().Should().Be(8000);
        start.GetProperty("mediaFormat").GetProperty("channels").GetInt32().Should().Be(1);
    }

    [Test]
    public void WriteFrame_Media_CarriesTrackChunkTimestampAndBase64Payload()
    {
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var frame = new StreamFrame(StreamFrameKind.Media, MediaStreamTrack.Outbound, 7, 140, payload, null);

        var json = Write(w => MediaStreamMessages.WriteFrame(w, 9, frame, Start));

        json.GetProperty("event").GetString().Should().Be("media");
        json.GetProperty("sequenceNumber").GetString().Should().Be("9");
        var media = json.GetProperty("media");
        media.GetProperty("track").GetString().Should().Be("outbound");
        media.GetProperty("chunk").GetString().Should().Be("7");
        media.GetProperty("timestamp").GetString().Should().Be("140");
        Convert.FromBase64String(media.GetProperty("payload").GetString()!).Should().Equal(payload.Take(160));
    }

    [Test]
    public void WriteFrame_DtmfMarkStop_HaveTwiliosShapes()
    {
        var dtmf = Write(w => MediaStreamMessages.WriteFrame(w, 2, new StreamFrame(StreamFrameKind.Dtmf, default, 0, 0, null, "#"), Start));
        var mark = Write(w => MediaStreamMessages.WriteFrame(w, 3, new StreamFrame(StreamFrameKind.Mark, default, 0, 0, null, "m1"), Start));
        var stop = Write(w => MediaStreamMessages.WriteFrame(w, 4, new StreamFrame(StreamFrameKind.Stop, default, 0, 0, null, null), Start));

        dtmf.GetProperty("dtmf").GetProperty("digit").GetString().Should().Be("#");
        dtmf.GetProperty("dtmf").GetProperty("track").GetString().Should().Be("inbound_track");
        mark.GetProperty("mark").GetProperty("name").GetString().Should().Be("m1");
        stop.GetProperty("stop").GetProperty("callSid").GetString().Should().Be(Start.CallSid);
        stop.GetProperty("event").GetString().Should().Be("stop");
    }

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
