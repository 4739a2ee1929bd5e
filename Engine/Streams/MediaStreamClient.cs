using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Streams;

/// <summary>
/// One media stream: a WebSocket client (<see cref="ClientWebSocket"/>) that sends a call's audio and keys
/// in Twilio's Media Streams messages and, when bidirectional, plays what the server sends through
/// <see cref="Playback"/>. The call's media threads only enqueue (<see cref="IMediaStreamTap"/>); one send
/// loop writes the queue to the socket, one receive loop reads the server. Never reconnects (as Twilio).
/// Knows nothing of calls or RCML.
/// </summary>
internal sealed partial class MediaStreamClient : IMediaStreamTap, IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly MediaStreamLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<StreamFrame> _frames =
        Channel.CreateUnbounded<StreamFrame>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<MediaStreamEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startedAt;
    private Task _sending = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;
    private int _stopQueued;

    private MediaStreamClient(MediaStreamStart start, MediaStreamLimits limits, TimeProvider time, ILogger logger)
    {
        Start = start;
        _limits = limits;
        _time = time;
        _logger = logger;
        _startedAt = time.GetTimestamp();
        _inbound = new TrackBuffer(MediaStreamTrack.Inbound);
        _outbound = new TrackBuffer(MediaStreamTrack.Outbound);
        if (start.Bidirectional)
        {
            Playback = new LiveAudioQueue(OnMarkPlayed, limits.MaxQueuedPlaybackSamples);
        }
    }

    /// <summary>What the start message said.</summary>
    public MediaStreamStart Start { get; }

    /// <summary>For a bidirectional stream, the server's audio and marks, for the call to play; otherwise null.</summary>
    public LiveAudioQueue? Playback { get; }

    /// <summary>Completes when the stream has ended, saying how.</summary>
    public Task<MediaStreamEnd> Ended => _ended.Task;

    /// <summary>Media frames dropped because the send queue was full (a slow server).</summary>
    public long DroppedFrames => Interlocked.Read(ref _dropped);

    /// <summary>Media frames queued for sending so far.</summary>
    public long SentFrames => Interlocked.Read(ref _queuedTotal);

    /// <summary>
    /// Opens the WebSocket and sends <c>connected</c> and <c>start</c>; the stream runs from then on until
    /// <see cref="StopAsync"/>, the server's close, or a failure (see <see cref="Ended"/>). Throws
    /// <see cref="MediaStreamException"/> when the server cannot be reached or refuses the handshake.
    /// </summary>
    public static async Task<MediaStreamClient> ConnectAsync(
        MediaStreamStart start, MediaStreamLimits limits, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(limits);
        var client = new MediaStreamClient(start, limits, time, logger);
        try
        {
            await client.OpenAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the stream from the engine's side: sends what is queued and then <c>stop</c>, closes the
    /// WebSocket (each bounded by <see cref="MediaStreamLimits.CloseTimeout"/>). Idempotent.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopQueued, 1) == 0 && !_ended.Task.IsCompleted)
        {
            _frames.Writer.TryWrite(new StreamFrame(StreamFrameKind.Stop, default, 0, 0, null, null));
            _frames.Writer.TryComplete();
            using var timeout = new CancellationTokenSource(_limits.CloseTimeout, _time);
            try
            {
                await _sending.WaitAsync(timeout.Token);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stream stopped", timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                LogCloseFailed(Start.StreamSid, exception.Message);
            }

            Finish(new MediaStreamEnd(MediaStreamEndReason.Stopped));
        }

        await _closing.CancelAsync();
        await Task.WhenAll(_sending, _receiving);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Finish(new MediaStreamEnd(MediaStreamEndReason.Stopped));
        await _closing.CancelAsync();
        _frames.Writer.TryComplete();
        await Task.WhenAll(_sending, _receiving);
        while (_frames.Reader.TryRead(out var frame))
        {
            Return(frame);
        }

        _socket.Dispose();
        Playback?.Dispose();
        _closing.Dispose();
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(_limits.ConnectTimeout);
        try
        {
            await _socket.ConnectAsync(Start.Url, connect.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MediaStreamException($"the WebSocket server {Start.Url.GetLeftPart(UriPartial.Authority)} did not answer within {_limits.ConnectTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException)
        {
            var why = exception.InnerException?.Message ?? exception.Message;
            throw new MediaStreamException($"cannot connect to the WebSocket server {Start.Url.GetLeftPart(UriPartial.Authority)}: {why}", exception);
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        await using var json = new Utf8JsonWriter(buffer);
        MediaStreamMessages.WriteConnected(json);
        await SendAsync(buffer, cancellationToken);
        json.Reset();
        MediaStreamMessages.WriteStart(json, 1, Start);
        await SendAsync(buffer, cancellationToken);
        LogStarted(Start.StreamSid, Start.CallSid, Start.Tracks, Start.Bidirectional);
        _sending = SendLoopAsync(_closing.Token);
        _receiving = ReceiveLoopAsync(_closing.Token);
    }

    private async Task SendAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (WebSocketException exception)
        {
            throw new MediaStreamException($"the WebSocket server closed the connection at the start: {exception.Message}", exception);
        }
        finally
        {
            buffer.ResetWrittenCount();
        }
    }

    private void Finish(MediaStreamEnd end)
    {
        if (_ended.TrySetResult(end))
        {
            LogEnded(Start.StreamSid, end.Reason, end.Error ?? string.Empty, DroppedFrames);
            _frames.Writer.TryComplete();
        }
    }

    private static void Return(in StreamFrame frame)
    {
        if (frame.Payload is { } payload)
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }
}
