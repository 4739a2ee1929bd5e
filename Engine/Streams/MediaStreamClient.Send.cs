using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace RcmlEngine.Streams;

/// <summary>The send loop: one writer over the queue, a reused JSON writer and buffer.</summary>
internal sealed partial class MediaStreamClient
{
    private long _sequence = 1;

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        await using var json = new Utf8JsonWriter(buffer);
        var reader = _frames.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var frame))
                {
                    if (frame.Kind == StreamFrameKind.Media)
                    {
                        Interlocked.Decrement(ref _queuedMedia);
                    }

                    json.Reset();
                    buffer.ResetWrittenCount();
                    MediaStreamMessages.WriteFrame(json, ++_sequence, frame, Start);
                    Return(frame);
                    await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    if (frame.Kind == StreamFrameKind.Stop)
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
            Finish(new MediaStreamEnd(MediaStreamEndReason.Failed, $"sending to the WebSocket server failed: {exception.Message}"));
        }
    }
}
