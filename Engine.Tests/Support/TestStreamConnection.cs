using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RcmlEngine.Rtp.Codecs;

namespace RcmlEngine.Tests.Support;

/// <summary>One WebSocket the engine opened to a <see cref="TestStreamServer"/>: what it sent, and a way to answer.</summary>
internal sealed class TestStreamConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly Lock _sync = new();
    private readonly List<JsonElement> _messages = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closeRequested;

    public TestStreamConnection(WebSocket socket) => _socket = socket;

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Messages
    {
        get
        {
            lock (_sync)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Completes when the engine closed the WebSocket (or it broke).</summary>
    public Task Closed => _closed.Task;

    /// <summary>The messages whose <c>event</c> is <paramref name="name"/>.</summary>
    public List<JsonElement> Events(string name) => [.. Messages.Where(m => m.GetProperty("event").GetString() == name)];

    /// <summary>Waits until a message <paramref name="match"/> accepts has arrived; returns it.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                foreach (var message in _messages)
                {
                    if (match(message))
                    {
                        return message;
                    }
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages of event <paramref name="name"/> have arrived.</summary>
    public async Task WaitForCountAsync(string name, int count, CancellationToken cancellationToken)
    {
        while (Events(name).Count < count)
        {
            Task changed;
            lock (_sync)
            {
                changed = _changed.Task;
            }

            if (Events(name).Count >= count)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends <paramref name="samples"/> as media messages of 20 ms (mu-law, base64), as a server would.</summary>
    public async Task SendAudioAsync(string streamSid, short[] samples, CancellationToken cancellationToken)
    {
        var codes = new byte[160];
        for (var offset = 0; offset + 160 <= samples.Length; offset += 160)
        {
            G711MuLaw.Encode(samples.AsSpan(offset, 160), codes);
            var json = $$$"""{"event":"media","streamSid":"{{{streamSid}}}","media":{"payload":"{{{Convert.ToBase64String(codes)}}}"}}""";
            await SendAsync(json, cancellationToken);
        }
    }

    /// <summary>Sends one text message.</summary>
    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the WebSocket from the server's side (the engine's Connect then goes on).</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        _closeRequested = true;
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
    }

    /// <summary>The samples of the media messages of <paramref name="track"/>, decoded, in order.</summary>
    public short[] Audio(string track)
    {
        var samples = new List<short>();
        foreach (var media in Events("media").Where(m => m.GetProperty("media").GetProperty("track").GetString() == track))
        {
            var codes = Convert.FromBase64String(media.GetProperty("media").GetProperty("payload").GetString()!);
            samples.AddRange(codes.Select(G711MuLaw.Decode));
        }

        return [.. samples];
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Reads until the engine closes.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!_closeRequested)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    }

                    break;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                lock (_sync)
                {
                    _messages.Add(document.RootElement.Clone());
                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The engine went away.
        }
        finally
        {
            _closed.TrySetResult();
            lock (_sync)
            {
                _changed.TrySetResult();
            }
        }
    }
}
