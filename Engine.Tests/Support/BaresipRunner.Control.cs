using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RcmlEngine.Tests.Support;

internal sealed partial class BaresipRunner
{
    private readonly Dictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);
    private readonly List<BaresipEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TcpClient? _control;
    private Task? _readLoop;
    private int _token;

    /// <summary>Every event so far, in arrival order.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Sends a menu command over ctrl_tcp (as typed after '/': dial, accept, hangup, sndcode, listcalls...) and returns its output.</summary>
    public async Task<string> CommandAsync(string command, string? parameters, CancellationToken cancellationToken)
    {
        var control = _control ?? throw new InvalidOperationException("baresip's control connection is not open");
        var token = Interlocked.Increment(ref _token).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending[token] = reply;
        }

        var json = parameters is null
            ? JsonSerializer.Serialize(new { command, token })
            : JsonSerializer.Serialize(new { command, @params = parameters, token });
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(payload).Append((byte)',').ToArray();
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await control.GetStream().WriteAsync(frame, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    /// <summary>Places a call to <paramref name="uri"/> (returns once baresip started it; watch the events for progress).</summary>
    public Task<string> DialAsync(string uri, CancellationToken cancellationToken) => CommandAsync("dial", uri, cancellationToken);

    /// <summary>Answers the ringing incoming call (answer mode manual).</summary>
    public Task<string> AcceptAsync(CancellationToken cancellationToken) => CommandAsync("accept", null, cancellationToken);

    /// <summary>Hangs up the current call (CANCEL, reject or BYE as its state requires).</summary>
    public Task<string> HangUpAsync(CancellationToken cancellationToken) => CommandAsync("hangup", null, cancellationToken);

    /// <summary>Sends DTMF digits (0-9, *, #, A-D) in the current call, as RFC 4733 telephone-events, one command per digit.</summary>
    public async Task SendDtmfAsync(string digits, CancellationToken cancellationToken)
    {
        foreach (var digit in digits)
        {
            await CommandAsync("sndcode", digit.ToString(), cancellationToken);
        }
    }

    /// <summary>
    /// The first event, counting from the <paramref name="from"/>-th one received (0: all of them,
    /// including those already arrived), that satisfies <paramref name="match"/>.
    /// </summary>
    public async Task<BaresipEvent> WaitForEventAsync(Func<BaresipEvent, bool> match, CancellationToken cancellationToken, int from = 0)
    {
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                for (var i = from; i < _events.Count; i++)
                {
                    if (match(_events[i]))
                    {
                        return _events[i];
                    }
                }

                from = Math.Max(from, _events.Count);
                arrived = _eventArrived.Task;
            }

            await arrived.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The first event of <paramref name="type"/> (CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED...).</summary>
    public Task<BaresipEvent> WaitForEventAsync(string type, CancellationToken cancellationToken, int from = 0) =>
        WaitForEventAsync(e => e.Type == type, cancellationToken, from);

    private async Task ConnectControlAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var client = new TcpClient(AddressFamily.InterNetwork);
            try
            {
                await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ControlPort), cancellationToken);
                _control = client;
                _readLoop = Task.Run(() => ReadLoopAsync(client), CancellationToken.None);
                return;
            }
            catch (SocketException) when (attempt < 100 && !_process.HasExited)
            {
                client.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
            }
            catch (SocketException ex)
            {
                client.Dispose();
                throw new BaresipStartException("baresip's ctrl_tcp port did not answer: " + ex.Message + "\n" + Describe());
            }
        }
    }

    private async Task DisconnectControlAsync()
    {
        _control?.Dispose();
        if (_readLoop is not null)
        {
            await _readLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _sendLock.Dispose();
    }

    /// <summary>Reads netstrings (<c>LEN:JSON,</c>) and routes responses to their commands and events to the list.</summary>
    private async Task ReadLoopAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer, out var json))
                {
                    Dispatch(json);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private static bool TryTakeFrame(List<byte> buffer, out string json)
    {
        json = string.Empty;
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0 || !int.TryParse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ||
            buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }

        json = Encoding.UTF8.GetString(buffer.GetRange(colon + 1, length).ToArray());
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("event", out var isEvent) && isEvent.ValueKind == JsonValueKind.True)
        {
            lock (_lock)
            {
                _events.Add(BaresipEvent.From(root, json));
                _eventArrived.TrySetResult();
                _eventArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return;
        }

        if (root.TryGetProperty("token", out var tokenElement) && tokenElement.GetString() is { } token)
        {
            TaskCompletionSource<string>? reply;
            lock (_lock)
            {
                _pending.Remove(token, out reply);
            }

            var data = root.TryGetProperty("data", out var d) ? d.GetString() ?? string.Empty : string.Empty;
            var ok = root.TryGetProperty("ok", out var okElement) && okElement.ValueKind == JsonValueKind.True;
            if (ok)
            {
                reply?.TrySetResult(data);
            }
            else
            {
                reply?.TrySetException(new InvalidOperationException($"baresip refused the command: {data}"));
            }
        }
    }
}
