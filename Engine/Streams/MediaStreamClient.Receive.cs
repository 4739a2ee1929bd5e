using System.Buffers;
using System.Net.WebSockets;

namespace RcmlEngine.Streams;

/// <summary>
/// The receive loop: the server's close ends the stream; on a bidirectional stream its media, mark and
/// clear messages feed <see cref="Playback"/>. On a one-way stream (Start) messages are read and ignored.
/// </summary>
internal sealed partial class MediaStreamClient
{
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var message = ArrayPool<byte>.Shared.Rent(_limits.MaxMessageBytes);
        var payload = Playback is null ? [] : ArrayPool<byte>.Shared.Rent(_limits.MaxMessageBytes);
        var samples = Playback is null ? [] : ArrayPool<short>.Shared.Rent(_limits.MaxMessageBytes);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == _limits.MaxMessageBytes)
                    {
                        if (Playback is not null)
                        {
                            await FailAsync(WebSocketCloseStatus.MessageTooBig, $"a message from the server is larger than {_limits.MaxMessageBytes} bytes");
                            return;
                        }

                        // A one-way stream ignores what the server says: read on, keep nothing.
                        length = 0;
                    }

                    result = await _socket.ReceiveAsync(message.AsMemory(length, _limits.MaxMessageBytes - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Finish(new MediaStreamEnd(MediaStreamEndReason.ClosedByServer));
                    await AnswerCloseAsync();
                    return;
                }

                if (Playback is not null && result.MessageType == WebSocketMessageType.Text)
                {
                    if (!await HandleAsync(message.AsMemory(0, length), payload, samples))
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped or disposed.
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Finish(_stopQueued == 1
                ? new MediaStreamEnd(MediaStreamEndReason.Stopped)
                : new MediaStreamEnd(MediaStreamEndReason.Failed, $"the WebSocket connection broke: {exception.Message}"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
            if (payload.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(payload);
                ArrayPool<short>.Shared.Return(samples);
            }
        }
    }

    private async ValueTask<bool> HandleAsync(ReadOnlyMemory<byte> json, byte[] payload, short[] samples)
    {
        ServerMessage read;
        try
        {
            read = ServerMessageReader.Read(json.Span, payload);
        }
        catch (FormatException exception)
        {
            await FailAsync(WebSocketCloseStatus.InvalidPayloadData, $"the server sent an invalid message: {exception.Message}");
            return false;
        }

        var playback = Playback!;
        switch (read.Kind)
        {
            case ServerMessageKind.Media:
                Rtp.Codecs.G711MuLaw.Decode(payload.AsSpan(0, read.PayloadLength), samples.AsSpan(0, read.PayloadLength));
                var accepted = playback.Enqueue(samples.AsSpan(0, read.PayloadLength));
                if (accepted < read.PayloadLength)
                {
                    LogPlaybackFull(Start.StreamSid, read.PayloadLength - accepted);
                }

                break;
            case ServerMessageKind.Mark:
                playback.Mark(read.MarkName!);
                break;
            case ServerMessageKind.Clear:
                playback.Clear();
                break;
        }

        return true;
    }

    // Completes the close handshake the server started (RFC 6455 5.5.1), bounded.
    private async Task AnswerCloseAsync()
    {
        using var timeout = new CancellationTokenSource(_limits.CloseTimeout, _time);
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the server", timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogCloseFailed(Start.StreamSid, exception.Message);
        }
    }

    private async Task FailAsync(WebSocketCloseStatus status, string error)
    {
        Finish(new MediaStreamEnd(MediaStreamEndReason.Failed, error));
        using var timeout = new CancellationTokenSource(_limits.CloseTimeout, _time);
        try
        {
            await _socket.CloseOutputAsync(status, error.Length > 120 ? error[..120] : error, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogCloseFailed(Start.StreamSid, exception.Message);
        }
    }
}
