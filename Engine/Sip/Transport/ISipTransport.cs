using System.Net;

namespace RcmlEngine.Sip.Transport;

/// <summary>One listening transport (a UDP socket, or a TCP listener with its connections).</summary>
internal interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving; every complete message is handed to the sink given at construction.</summary>
    void Start();

    /// <summary>Sends bytes to a peer (on TCP: on <paramref name="connectionId"/> if still open, else a reused or new connection).</summary>
    ValueTask SendAsync(IPEndPoint remote, ReadOnlyMemory<byte> data, long connectionId, CancellationToken cancellationToken);

    /// <summary>True when a connection to <paramref name="remote"/> is open now (connection-oriented transports; UDP has none).</summary>
    bool IsOpen(IPEndPoint remote) => false;
}
