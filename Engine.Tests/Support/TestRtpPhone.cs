using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Codecs;
using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// The media side of a phone whose signalling is SIPp: an RTP socket on 127.0.0.1 the test owns (its
/// port goes into SIPp's SDP with <c>-key rtp_port</c>). It records every packet the engine sends it,
/// learns the engine's RTP address from them, and sends PCMU tones and RFC 4733 events back, with one
/// SSRC and running sequence numbers and timestamps, as a phone would.
/// </summary>
internal sealed class TestRtpPhone : IDisposable
{
    private readonly Socket _socket;
    private readonly ConcurrentQueue<byte[]> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _sendLock = new();
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private volatile IPEndPoint? _engine;
    private long _lastReceived;
    private ushort _sequence = 1000;
    private uint _timestamp = 16000;
    private bool _markNext = true;

    public TestRtpPhone()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(ReceiveAsync);
    }

    /// <summary>The RTP port to put in SIPp's SDP.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>How many packets arrived so far.</summary>
    public int Count => _received.Count;

    /// <summary>The packets received so far, in order of arrival.</summary>
    public List<byte[]> Packets => [.. _received];

    /// <summary>Waits until the engine has sent at least one packet (so its address is known).</summary>
    public Task WaitForEngineAsync(CancellationToken cancellationToken) => WaitForAsync(_ => true, cancellationToken);

    /// <summary>Waits until a packet arrived (from now on, or earlier when <paramref name="includeEarlier"/>) that <paramref name="match"/> accepts.</summary>
    public async Task<byte[]> WaitForAsync(Func<byte[], bool> match, CancellationToken cancellationToken, bool includeEarlier = true)
    {
        var skip = includeEarlier ? 0 : _received.Count;
        while (true)
        {
            var found = _received.Skip(skip).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> packets arrived in all.</summary>
    public async Task WaitForCountAsync(int count, CancellationToken cancellationToken)
    {
        while (_received.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Waits until nothing arrived for <paramref name="quiet"/>; returns how many packets arrived until then.</summary>
    public async Task<int> WaitForQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        while (TimeProvider.System.GetElapsedTime(Volatile.Read(ref _lastReceived)) < quiet)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
        }

        return _received.Count;
    }

    /// <summary>Sends a PCMU tone, one 20 ms packet at a time, until the token is cancelled (returns then).</summary>
    public async Task SendToneUntilCancelledAsync(double frequency, CancellationToken cancellationToken)
    {
        var tone = ToneAnalysis.Sine(frequency, 8000, 8000);
        var payload = new byte[160];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        try
        {
            for (var i = 0; ; i = (i + 1) % 50)
            {
                G711Codec.Pcmu.Encode(tone.AsSpan(i * 160, 160), payload);
                Send(0, payload, 160);
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The tone ends when the test says so.
        }
    }

    /// <summary>Sends one key as RFC 4733 events (2.5): 100 ms of updates every 20 ms, then three end packets.</summary>
    public async Task SendDigitAsync(byte payloadType, byte eventCode, CancellationToken cancellationToken)
    {
        uint start;
        lock (_sendLock)
        {
            start = _timestamp;
            _markNext = true;
        }

        var payload = new byte[DtmfEventPayload.Length];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        for (var step = 1; step <= 8; step++)
        {
            var end = step > 5;
            new DtmfEventPayload(eventCode, end, 10, (ushort)(Math.Min(step, 5) * 160)).Write(payload);
            SendAt(payloadType, payload, start);
            await timer.WaitForNextTickAsync(cancellationToken);
        }

        lock (_sendLock)
        {
            _timestamp = start + (5 * 160);
        }
    }

    /// <summary>The RFC 4733 event packets among <paramref name="packets"/>: payload type and payload.</summary>
    public static IEnumerable<(int PayloadType, DtmfEventPayload Event)> Events(IEnumerable<byte[]> packets, int payloadType)
    {
        foreach (var packet in packets)
        {
            if (RtpHeader.TryRead(packet, out var header) && header.PayloadType == payloadType
                && DtmfEventPayload.TryRead(packet.AsSpan(header.PayloadOffset, header.PayloadLength), out var value))
            {
                yield return (header.PayloadType, value);
            }
        }
    }

    /// <summary>True when the packet is G.711 audio whose strongest frequency is within 30 Hz of <paramref name="frequency"/>.</summary>
    public static bool CarriesTone(byte[] packet, double frequency)
    {
        if (!RtpHeader.TryRead(packet, out var header) || header.PayloadLength < 80
            || (header.PayloadType switch { 0 => G711Codec.Pcmu, 8 => G711Codec.Pcma, _ => null }) is not { } codec)
        {
            return false;
        }

        var samples = new short[header.PayloadLength];
        codec.Decode(packet.AsSpan(header.PayloadOffset, header.PayloadLength), samples);
        return ToneAnalysis.Rms(samples) > 1000 && Math.Abs(ToneAnalysis.DominantFrequency(samples) - frequency) <= 30;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }

    private void Send(byte payloadType, ReadOnlySpan<byte> payload, int samples)
    {
        lock (_sendLock)
        {
            SendAt(payloadType, payload, _timestamp);
            _timestamp += (uint)samples;
        }
    }

    private void SendAt(byte payloadType, ReadOnlySpan<byte> payload, uint timestamp)
    {
        var engine = _engine ?? throw new InvalidOperationException("the engine has not sent RTP yet: its address is unknown");
        lock (_sendLock)
        {
            var packet = new byte[RtpHeader.FixedLength + payload.Length];
            RtpHeader.Write(packet, _markNext, payloadType, _sequence++, timestamp, _ssrc);
            _markNext = false;
            payload.CopyTo(packet.AsSpan(RtpHeader.FixedLength));
            _socket.SendTo(packet, engine);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                _engine ??= (IPEndPoint)result.RemoteEndPoint;
                Volatile.Write(ref _lastReceived, TimeProvider.System.GetTimestamp());
                _received.Enqueue(buffer[..result.ReceivedBytes]);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }
}
