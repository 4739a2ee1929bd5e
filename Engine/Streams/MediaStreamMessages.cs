using System.Buffers.Text;
using System.Text.Json;

namespace RcmlEngine.Streams;

/// <summary>
/// Writes Twilio's Media Streams messages (connected, start, media, dtmf, mark, stop) with a
/// <see cref="Utf8JsonWriter"/>: no reflection, and a media message allocates nothing (numbers are
/// formatted on the stack, the payload is base64-encoded by the writer into its pooled buffer).
/// Numbers are strings, as Twilio sends them.
/// </summary>
internal static class MediaStreamMessages
{
    /// <summary>20 ms of 8 kHz mu-law: one media message's payload.</summary>
    public const int FrameBytes = 160;

    /// <summary><c>connected</c>: the first message, before <c>start</c>.</summary>
    public static void WriteConnected(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("event"u8, "connected"u8);
        json.WriteString("protocol"u8, "Call"u8);
        json.WriteString("version"u8, "1.0.0"u8);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary><c>start</c>: the stream's metadata.</summary>
    public static void WriteStart(Utf8JsonWriter json, long sequence, MediaStreamStart start)
    {
        json.WriteStartObject();
        json.WriteString("event"u8, "start"u8);
        WriteNumber(json, "sequenceNumber"u8, sequence);
        json.WriteStartObject("start"u8);
        json.WriteString("accountSid"u8, start.AccountSid);
        json.WriteString("streamSid"u8, start.StreamSid);
        json.WriteString("callSid"u8, start.CallSid);
        json.WriteStartArray("tracks"u8);
        if ((start.Tracks & MediaStreamTracks.Inbound) != 0)
        {
            json.WriteStringValue("inbound"u8);
        }

        if ((start.Tracks & MediaStreamTracks.Outbound) != 0)
        {
            json.WriteStringValue("outbound"u8);
        }

        json.WriteEndArray();
        json.WriteStartObject("customParameters"u8);
        foreach (var (name, value) in start.CustomParameters)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("mediaFormat"u8);
        json.WriteString("encoding"u8, "audio/x-mulaw"u8);
        json.WriteNumber("sampleRate"u8, 8000);
        json.WriteNumber("channels"u8, 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("streamSid"u8, start.StreamSid);
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>One queued frame: <c>media</c>, <c>dtmf</c>, <c>mark</c> or <c>stop</c>.</summary>
    public static void WriteFrame(Utf8JsonWriter json, long sequence, in StreamFrame frame, MediaStreamStart start)
    {
        json.WriteStartObject();
        switch (frame.Kind)
        {
            case StreamFrameKind.Media:
                json.WriteString("event"u8, "media"u8);
                WriteNumber(json, "sequenceNumber"u8, sequence);
                json.WriteStartObject("media"u8);
                json.WriteString("track"u8, frame.Track == MediaStreamTrack.Inbound ? "inbound"u8 : "outbound"u8);
                WriteNumber(json, "chunk"u8, frame.Chunk);
                WriteNumber(json, "timestamp"u8, frame.Timestamp);
                json.WriteBase64String("payload"u8, frame.Payload.AsSpan(0, FrameBytes));
                json.WriteEndObject();
                break;
            case StreamFrameKind.Dtmf:
                json.WriteString("event"u8, "dtmf"u8);
                WriteNumber(json, "sequenceNumber"u8, sequence);
                json.WriteStartObject("dtmf"u8);
                json.WriteString("track"u8, "inbound_track"u8);
                json.WriteString("digit"u8, frame.Text);
                json.WriteEndObject();
                break;
            case StreamFrameKind.Mark:
                json.WriteString("event"u8, "mark"u8);
                WriteNumber(json, "sequenceNumber"u8, sequence);
                json.WriteStartObject("mark"u8);
                json.WriteString("name"u8, frame.Text);
                json.WriteEndObject();
                break;
            default:
                json.WriteString("event"u8, "stop"u8);
                WriteNumber(json, "sequenceNumber"u8, sequence);
                json.WriteStartObject("stop"u8);
                json.WriteString("accountSid"u8, start.AccountSid);
                json.WriteString("callSid"u8, start.CallSid);
                json.WriteEndObject();
                break;
        }

        json.WriteString("streamSid"u8, start.StreamSid);
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteNumber(Utf8JsonWriter json, ReadOnlySpan<byte> name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        json.WriteString(name, digits[..written]);
    }
}
