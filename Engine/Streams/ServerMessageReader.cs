using System.Buffers.Text;
using System.Text.Json;

namespace RcmlEngine.Streams;

/// <summary>
/// Reads what a server sends on a bidirectional stream (Twilio's <c>media</c>, <c>mark</c>, <c>clear</c>)
/// with a <see cref="Utf8JsonReader"/>: no reflection, and a media payload is decoded from base64 into the
/// caller's buffer without an intermediate string.
/// </summary>
internal static class ServerMessageReader
{
    /// <summary>
    /// Reads one message. <paramref name="payload"/> receives a media message's audio (mu-law) and must hold
    /// at least <c>json.Length * 3 / 4</c> bytes. Throws <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static ServerMessage Read(ReadOnlySpan<byte> json, Span<byte> payload)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        var kind = ServerMessageKind.Other;
        var sawEvent = false;
        var payloadLength = -1;
        string? markName = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("a message must be a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    kind = EventOf(ref reader);
                    sawEvent = true;
                }
                else if (reader.ValueTextEquals("media"u8))
                {
                    payloadLength = ReadMedia(ref reader, payload);
                }
                else if (reader.ValueTextEquals("mark"u8))
                {
                    markName = ReadMarkName(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"not valid JSON: {exception.Message}", exception);
        }

        if (!sawEvent)
        {
            throw new FormatException("the message has no 'event'");
        }

        return kind switch
        {
            ServerMessageKind.Media when payloadLength < 0 => throw new FormatException("a media message needs media.payload (base64 mu-law)"),
            ServerMessageKind.Mark when markName is null => throw new FormatException("a mark message needs mark.name"),
            _ => new ServerMessage(kind, Math.Max(payloadLength, 0), markName),
        };
    }

    private static ServerMessageKind EventOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FormatException("'event' must be a string");
        }

        return reader.ValueTextEquals("media"u8) ? ServerMessageKind.Media
            : reader.ValueTextEquals("mark"u8) ? ServerMessageKind.Mark
            : reader.ValueTextEquals("clear"u8) ? ServerMessageKind.Clear
            : ServerMessageKind.Other;
    }

    private static int ReadMedia(ref Utf8JsonReader reader, Span<byte> payload)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return -1;
        }

        var length = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("payload"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new FormatException("media.payload must be a base64 string");
            }

            // Unescape (a JSON encoder may write '+' or '/' as \u escapes), then decode in place.
            var text = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (text > payload.Length)
            {
                throw new FormatException($"media.payload has {text} characters; the limit is {payload.Length}");
            }

            var copied = reader.CopyString(payload);
            if (Base64.DecodeFromUtf8InPlace(payload[..copied], out length) != System.Buffers.OperationStatus.Done)
            {
                throw new FormatException("media.payload is not valid base64");
            }
        }

        return length;
    }

    private static string? ReadMarkName(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            reader.Read();
            if (isName && reader.TokenType == JsonTokenType.String)
            {
                name = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return name;
    }
}
