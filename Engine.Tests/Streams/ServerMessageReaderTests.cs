using System.Text;
using RcmlEngine.Streams;

namespace RcmlEngine.Tests.Streams;

[TestFixture]
public sealed class ServerMessageReaderTests
{
    [Test]
    public void Read_Media_DecodesThePayloadIntoTheBuffer()
    {
        var audio = new byte[] { 0xFF, 0x7F, 0x00, 0x80, 0x12 };
        var json = $$$"""{"event":"media","streamSid":"MZ1","media":{"payload":"{{{Convert.ToBase64String(audio)}}}"}}""";
        var buffer = new byte[json.Length];

        var message = ServerMessageReader.Read(Encoding.UTF8.GetBytes(json), buffer);

        message.Kind.Should().Be(ServerMessageKind.Media);
        buffer.AsSpan(0, message.PayloadLength).ToArray().Should().Equal(audio);
    }

    [Test]
    public void Read_MediaWithEscapedBase64_IsUnescapedFirst()
    {
        // System.Text.Json writes '+' as \u002B by default; the payload must still decode.
        var audio = new byte[] { 0xFB, 0xEF, 0xBE };
        var base64 = Convert.ToBase64String(audio).Replace("+", "\\u002B", StringComparison.Ordinal);
        var json = $$$"""{"media":{"payload":"{{{base64}}}"},"event":"media"}""";
        var buffer = new byte[json.Length];

        var message = ServerMessageReader.Read(Encoding.UTF8.GetBytes(json), buffer);

        buffer.AsSpan(0, message.PayloadLength).ToArray().Should().Equal(audio);
    }

    [Test]
    public void Read_MarkAndClear_AreRecognised()
    {
        var buffer = new byte[256];

        ServerMessageReader.Read("""{"event":"mark","streamSid":"MZ1","mark":{"name":"end of greeting"}}"""u8, buffer)
            .Should().Be(new ServerMessage(ServerMessageKind.Mark, 0, "end of greeting"));
        ServerMessageReader.Read("""{"event":"clear","streamSid":"MZ1"}"""u8, buffer).Kind.Should().Be(ServerMessageKind.Clear);
        ServerMessageReader.Read("""{"event":"something-new","extra":[1,{"a":2}]}"""u8, buffer).Kind.Should().Be(ServerMessageKind.Other);
    }

    [TestCase("not json", "not valid JSON")]
    [TestCase("[1,2]", "JSON object")]
    [TestCase("""{"streamSid":"MZ1"}""", "no 'event'")]
    [TestCase("""{"event":"media","media":{}}""", "media.payload")]
    [TestCase("""{"event":"media","media":{"payload":"***"}}""", "not valid base64")]
    [TestCase("""{"event":"mark","mark":{}}""", "mark.name")]
    public void Read_BadMessage_ThrowsSayingWhat(string json, string text)
    {
        var buffer = new byte[256];

        var read = () => ServerMessageReader.Read(Encoding.UTF8.GetBytes(json), buffer);

        read.Should().Throw<FormatException>().WithMessage($"*{text}*");
    }
}
