using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Transport;

/// <summary>
/// The transport layer (RFC 3261 18): owns the UDP and TCP transports, parses what they receive,
/// stamps requests with received/rport (RFC 3261 18.2.1, RFC 3581 4), answers or drops bad input,
/// and queues good messages for processing. Sends requests to resolved destinations (switching to
/// TCP for large ones, RFC 3261 18.1.1) and responses back along the Via (RFC 3261 18.2.2).
/// </summary>
internal sealed partial class SipTransportLayer : ISipReceiveSink, IAsyncDisposable
{
    private readonly SipTransportOptions _options;
    private readonly ILogger<SipTransportLayer> _logger;
    private readonly List<ISipTransport> _transports = [];
    private readonly Channel<SipInbound> _queue;
    private readonly LocalAddressCache _localFor = new();
    private Action<SipInbound>? _handler;
    private Task? _processLoop;
    private long _rejected;
    private long _dropped;

    public SipTransportLayer(SipTransportOptions options, TimeProvider time, ILoggerFactory loggers, ISipResolver? resolver = null)
    {
        _options = options;
        _logger = loggers.CreateLogger<SipTransportLayer>();
        LogThrottle = new SourceLogThrottle(options.LogLinesPerSourcePerMinute, time);
        Resolver = resolver ?? new Rfc3263Resolver(new DnsClientLookup());
        _queue = Channel.CreateBounded<SipInbound>(new BoundedChannelOptions(options.ReceiveQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        foreach (var listen in options.Listen)
        {
            _transports.Add(listen.Transport == SipTransportKind.Udp
                ? new SipUdpTransport(listen.EndPoint, this, options.MaxMessageSize)
                : new SipTcpTransport(listen.EndPoint, this, options, time));
        }
    }

    public ISipResolver Resolver { get; }

    /// <summary>Bounds the log lines each source address causes; shared by the layers above.</summary>
    internal SourceLogThrottle LogThrottle { get; }

    public IReadOnlyList<ISipTransport> Transports => _transports;

    /// <summary>Messages rejected as malformed (answered 400 or dropped) since start.</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Good messages dropped because the processing queue was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Starts receiving; <paramref name="handler"/> runs for every good message, one at a time.</summary>
    public void Start(Action<SipInbound> handler)
    {
        _handler = handler;
        _processLoop = Task.Run(ProcessLoopAsync);
        foreach (var transport in _transports)
        {
            transport.Start();
            Log.Listening(_logger, transport.Kind, transport.LocalEndPoint);
        }
    }

    public ISipTransport? Find(SipTransportKind kind, AddressFamily family) =>
        _transports.FirstOrDefault(t => t.Kind == kind && t.LocalEndPoint.AddressFamily == family)
        ?? _transports.FirstOrDefault(t => t.Kind == kind);

    public bool Has(SipTransportKind kind) => _transports.Any(t => t.Kind == kind);

    /// <summary>True when <paramref name="flow"/>'s connection (TCP) is still open.</summary>
    public bool IsOpen(SipRemote flow) => Find(flow.Transport, flow.EndPoint.AddressFamily)?.IsOpen(flow.EndPoint) == true;

    /// <summary>The host and port to write in Via and Contact for messages sent to <paramref name="remote"/>.</summary>
    public (string Host, int Port) LocalAddressFor(SipTransportKind kind, IPEndPoint remote)
    {
        var transport = Find(kind, remote.AddressFamily) ?? throw new SipTransportException($"no {kind} transport is configured");
        if (_options.AdvertisedHost is { } advertised)
        {
            return (advertised, transport.LocalEndPoint.Port);
        }

        var bound = transport.LocalEndPoint.Address;
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return (SipUri.FormatHost(bound.ToString()), transport.LocalEndPoint.Port);
        }

        return (SipUri.FormatHost(RouteSourceFor(remote.Address).ToString()), transport.LocalEndPoint.Port);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports)
        {
            await transport.DisposeAsync();
        }

        _queue.Writer.TryComplete();
        if (_processLoop is not null)
        {
            await _processLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    bool ISipReceiveSink.OnReceived(ReadOnlySpan<byte> data, SipRemote source, ISipTransport transport)
    {
        var result = SipParser.Parse(data, source.IsReliable);
        if (!result.Success)
        {
            Reject(result, source, transport);
            return false;
        }

        var message = result.Message!;
        SipMetrics.Received.Add(1);
        Trace?.OnMessage(message, outgoing: false, source);
        if (message is SipRequest request)
        {
            StampReceived(request, source);
        }

        if (!_queue.Writer.TryWrite(new SipInbound(message, source)))
        {
            Interlocked.Increment(ref _dropped);
            SipMetrics.Dropped.Add(1);
            Log.QueueFull(_logger, source);
        }

        return true;
    }

    void ISipReceiveSink.OnRejected(SipRemote source, string reason)
    {
        Interlocked.Increment(ref _rejected);
        SipMetrics.Rejected.Add(1);
        if (_logger.IsEnabled(LogLevel.Information) && LogThrottle.ShouldLog(_logger, source.EndPoint.Address))
        {
            var escaped = LogText.Escape(reason);
            Log.TransportRejected(_logger, source, escaped);
        }
    }

    private void Reject(SipParseResult result, SipRemote source, ISipTransport transport)
    {
        Interlocked.Increment(ref _rejected);
        SipMetrics.Rejected.Add(1);
        // The description quotes the input (a header name with ESC or CR in it): escaped before it is logged.
        var reason = LogText.Escape(result.Describe());
        var log = _logger.IsEnabled(LogLevel.Information) && LogThrottle.ShouldLog(_logger, source.EndPoint.Address);
        if (result.RejectStatus == 0 || result.Unvalidated is not { } request || !request.Headers.Contains(SipHeaderNames.Via) ||
            request.Method == SipMethods.Ack)
        {
            if (log)
            {
                Log.Dropped(_logger, source, reason);
            }

            return;
        }

        if (log)
        {
            Log.AnsweredBadRequest(_logger, result.RejectStatus, source, reason);
        }

        var response = SipResponse.For(request, result.RejectStatus, result.RejectStatus == 400 ? $"Bad Request ({Sanitize(result.Where)})" : null);
        var bytes = SipWriter.ToBytes(response);

        // The Via itself may be what is malformed, so the answer goes straight back to the source.
        _ = SendQuietlyAsync(transport, source, bytes);
    }

    private static string Sanitize(string? text) => new((text ?? string.Empty).Where(c => c >= ' ' && c < 127).ToArray());

    private async Task SendQuietlyAsync(ISipTransport transport, SipRemote target, byte[] bytes)
    {
        try
        {
            await transport.SendAsync(target.EndPoint, bytes, target.ConnectionId, CancellationToken.None);
        }
        catch (SipTransportException ex)
        {
            Log.SendFailed(_logger, target, ex.Message);
        }
    }

    /// <summary>RFC 3261 18.2.1 received, RFC 3581 4 rport: record where the request really came from.</summary>
    private static void StampReceived(SipRequest request, SipRemote source)
    {
        var via = request.TopVia;
        if (via is null)
        {
            return;
        }

        var address = source.EndPoint.Address.ToString();
        var sameHost = via.Host.Trim('[', ']').Equals(address, StringComparison.OrdinalIgnoreCase);
        if (sameHost && !via.HasRPort)
        {
            return;
        }

        var parameters = new SipParameters(via.Parameters);
        parameters.Set("received", address);
        if (via.HasRPort)
        {
            parameters.Set("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        var stamped = new SipVia(via.Transport, via.Host, via.Port, parameters);
        request.Headers.ReplaceFirstValue(SipHeaderNames.Via, stamped.ToString());
    }

    private async Task ProcessLoopAsync()
    {
        await foreach (var inbound in _queue.Reader.ReadAllAsync())
        {
            try
            {
                _handler!(inbound);
            }
#pragma warning disable CA1031 // One faulty message must never stop the loop that serves every call.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.HandlerFailed(_logger, ex, inbound.Source);
            }
        }
    }

    private IPAddress RouteSourceFor(IPAddress remote)
    {
        if (_localFor.TryGet(remote, out var cached))
        {
            return cached;
        }

        // Connecting a UDP socket sends nothing; it only asks the kernel which local address routes there.
        using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(new IPEndPoint(remote, 9));
        var local = ((IPEndPoint)probe.LocalEndPoint!).Address;
        _localFor.Set(remote, local);

        return local;
    }
}
