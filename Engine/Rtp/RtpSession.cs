using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Rtp;

/// <summary>
/// One call's audio over RTP (RFC 3550) on a bound RTP/RTCP port pair: sends the
/// <see cref="Outbound"/> audio through the shared <see cref="RtpPacer"/>, receives and reorders
/// the peer's packets, decodes them for <see cref="AudioReceiver"/>, turns RFC 4733 events into
/// digits, accepts packets only from the peer it signalled (<see cref="RtpSourceLatch"/>), exchanges RTCP
/// reports and says BYE, and ends with a reason when the peer falls silent.
/// </summary>
internal sealed partial class RtpSession : IPacedStream, IPolledReceiver, IAsyncDisposable
{
    /// <summary>RFC 3550 6.2: the minimum RTCP report interval, randomized by 0.5 to 1.5 (6.3.1).</summary>
    public static readonly TimeSpan RtcpInterval = TimeSpan.FromSeconds(5);

    private const int Created = 0;
    private const int Started = 1;
    private const int Stopped = 2;

    // 60 ms of G.711, the longest packet time accepted.
    private const int MaxSamplesPerPacket = 480;

    private readonly RtpSocketPair _sockets;
    private readonly RtpPacer _pacer;
    private readonly RtpReceivePoller _poller;
    private readonly TimeProvider _time;
    private readonly ILogger<RtpSession> _logger;
    private readonly RtpOptions _options;
    private readonly DtmfEventReceiver _dtmfReceiver;
    private readonly DtmfEventSender _dtmfSender = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lifecycle = new();
    private readonly TaskCompletionSource<RtpEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _cname;
    private volatile RtpStreamConfig? _config;
    private IDisposable? _registration;
    private IDisposable? _receiveRegistration;
    private int _registeredPacketTime;
    private Task _receiveLoops = Task.CompletedTask;
    private int _state;
    private int _ticking;
    private int _receiving;

    /// <summary>Creates a session on a bound port pair; it neither sends nor receives before <see cref="Start"/>.</summary>
    public RtpSession(
        RtpSocketPair sockets, RtpPacer pacer, RtpReceivePoller poller, TimeProvider time, ILogger<RtpSession> logger, RtpOptions options)
    {
        _sockets = sockets;
        _pacer = pacer;
        _poller = poller;
        _time = time;
        _logger = logger;
        _options = options;
        Ssrc = RandomUInt32();
        _sequence = (ushort)RandomUInt32();
        _timestamp = RandomUInt32();
        _cname = $"rcml-{Ssrc:x8}@{sockets.RtpEndPoint.Address}";
        _dtmfReceiver = new DtmfEventReceiver(time, d => DigitReceived?.Invoke(d));
        _reorder = new RtpReorderBuffer(options.ReorderDepth);
        _rtpSource = new RtpSourceLatch(time, options);
        _rtcpSource = new RtpSourceLatch(time, options);
        _packet = ArrayPool<byte>.Shared.Rent(RtpHeader.FixedLength + MaxSamplesPerPacket);
        _rtcpPacket = ArrayPool<byte>.Shared.Rent(RtcpBufferLength);
        _decoded = ArrayPool<short>.Shared.Rent(RtpReorderBuffer.MaxPayload);
    }

    /// <summary>The local RTP address and port (RTCP is on the next port).</summary>
    public IPEndPoint LocalEndPoint => _sockets.RtpEndPoint;

    /// <summary>The synchronization source of the packets this session sends (random, RFC 3550 8.1).</summary>
    public uint Ssrc { get; }

    /// <summary>The audio to send; a playback pump or a bridge writes it, the pacer drains it.</summary>
    public RtpOutboundAudio Outbound { get; } = new();

    /// <summary>Where decoded received audio goes; null drops it.</summary>
    public IRtpAudioReceiver? AudioReceiver { get; set; }

    /// <summary>
    /// Gets a copy of every frame of audio this session sends (paced, relayed, in-band tones), before it is
    /// encoded; called on the pacer thread or the relaying receive loop. Null: none.
    /// </summary>
    public IRtpAudioReceiver? SentAudio { get; set; }

    /// <summary>Called once per digit received as RFC 4733 events (on the receive loop or the pacer thread).</summary>
    public Action<DtmfDigit>? DigitReceived { get; set; }

    /// <summary>The current stream configuration; null before the first negotiation.</summary>
    public RtpStreamConfig? Config => _config;

    /// <summary>Completes with the reason the session ended (inactivity, transport failure, or stop).</summary>
    public Task<RtpEndReason> Ended => _ended.Task;

    /// <summary>Where RTP goes now: the latched source of the peer's packets, else the signalled address.</summary>
    public IPEndPoint? RemoteEndPoint => ToEndPoint(_rtpSource.Target);

    /// <summary>What has been sent and received so far.</summary>
    public RtpSessionCounters Counters => new(
        Interlocked.Read(ref _packetsSent), Interlocked.Read(ref _octetsSent), Interlocked.Read(ref _packetsReceived),
        Interlocked.Read(ref _packetsDropped) + _reorder.Dropped, _reorder.Lost, Interlocked.Read(ref _rtcpSent),
        Interlocked.Read(ref _rtcpReceived), _remoteSaidBye);

    /// <summary>
    /// Applies a (re-)negotiated configuration. A new remote address forgets the latched source;
    /// a new packet time re-registers the stream with the pacer.
    /// </summary>
    public void Configure(RtpStreamConfig config)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(config.SamplesPerPacket, MaxSamplesPerPacket);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.PacketTimeMs, 10);
        var previous = _config;
        if (previous is null || !Equals(previous.RemoteRtp, config.RemoteRtp))
        {
            _rtpSource.Reset(ToSocketAddress(config.RemoteRtp));
        }

        if (previous is null || !Equals(previous.RemoteRtcp, config.RemoteRtcp))
        {
            _rtcpSource.Reset(ToSocketAddress(config.RemoteRtcp));
        }

        if (WatchesInactivity(config) && !WatchesInactivity(previous))
        {
            Volatile.Write(ref _expectingSince, _time.GetTimestamp());
        }

        _config = config;
        LogConfigured(config.Codec.EncodingName, config.PayloadType, config.PacketTimeMs, config.Send, config.Receive, config.RemoteRtp);
        lock (_lifecycle)
        {
            if (_state == Started && _registeredPacketTime != config.PacketTimeMs)
            {
                Register(config.PacketTimeMs);
            }
        }
    }

    /// <summary>Starts receiving and sending (sending only once configured).</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (Interlocked.CompareExchange(ref _state, Started, Created) != Created)
            {
                return;
            }

            var now = _time.GetTimestamp();
            Volatile.Write(ref _expectingSince, now);
            _rtpSource.Open();
            _rtcpSource.Open();
            _nextRtcp = now + RtcpDelay();
            // RTP is read by the shared poller (never asynchronously, see RtpReceivePoller); RTCP by its own loop.
            _receiveLoops = Task.Run(() => ReceiveRtcpAsync(_stop.Token));
            _receiveRegistration = _poller.Register(this);
            Register(_config?.PacketTimeMs ?? 20);
        }
    }

    /// <summary>
    /// Queues a digit to send as RFC 4733 events (or in band when none were agreed). The task completes
    /// once it was sent, and is cancelled when the session stops first.
    /// </summary>
    public Task SendDigit(char digit, TimeSpan duration) => _dtmfSender.Enqueue(digit, duration);

    /// <summary>Stops sending and receiving, says RTCP BYE, and frees the ports. Safe to call twice.</summary>
    public async Task StopAsync()
    {
        int previous;
        lock (_lifecycle)
        {
            previous = Interlocked.Exchange(ref _state, Stopped);
            _registration?.Dispose();
            _receiveRegistration?.Dispose();
        }

        if (previous == Stopped)
        {
            return;
        }

        // The pacer or the poller may be inside this session right now; the buffers they use must outlive that.
        SpinWait.SpinUntil(() => Volatile.Read(ref _ticking) == 0 && Volatile.Read(ref _receiving) == 0);
        _dtmfSender.Abandon();
        if (previous == Started)
        {
            SendBye();
        }

        await _stop.CancelAsync();
        _sockets.Dispose();
        try
        {
            await _receiveLoops;
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the loops; that is their normal end.
        }

        _ended.TrySetResult(RtpEndReason.Stopped);
        var counters = Counters;
        RtpMetrics.OnStopped(counters);
        LogStopped(counters.PacketsSent, counters.PacketsReceived);
        Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private void Register(int packetTimeMs)
    {
        _registration?.Dispose();
        _registration = _pacer.Register(this, TimeSpan.FromMilliseconds(packetTimeMs));
        _registeredPacketTime = packetTimeMs;
    }

    private void End(RtpEndReason reason)
    {
        if (_ended.TrySetResult(reason))
        {
            LogEnded(reason);
        }
    }

    private void Release()
    {
        _stop.Dispose();
        Outbound.Dispose();
        _reorder.Dispose();
        ArrayPool<byte>.Shared.Return(_packet);
        ArrayPool<byte>.Shared.Return(_rtcpPacket);
        ArrayPool<short>.Shared.Return(_decoded);
    }

    private static uint RandomUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }

    private SocketAddress? ToSocketAddress(IPEndPoint? endPoint)
    {
        if (endPoint is null)
        {
            return null;
        }

        // A dual-mode IPv6 socket reaches IPv4 peers through v4-mapped addresses.
        var family = _sockets.Rtp.AddressFamily;
        var address = family == AddressFamily.InterNetworkV6 && endPoint.AddressFamily == AddressFamily.InterNetwork
            ? endPoint.Address.MapToIPv6()
            : endPoint.Address;
        return address.AddressFamily == family ? new IPEndPoint(address, endPoint.Port).Serialize() : null;
    }

    private static IPEndPoint? ToEndPoint(SocketAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        var template = address.Family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        return (IPEndPoint)template.Create(address);
    }
}
