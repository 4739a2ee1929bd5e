using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// A TEST FAKE FOR THE SIGNALLING ONLY: sends one call's INVITE, ACK and BYE as raw SIP text over
/// UDP on 127.0.0.1 so media tests can get a real peer (SIPp) to stream RTP at an engine
/// <c>RtpSession</c> before the engine's SIP stack exists, or place a call at the engine with an SDP
/// offer the test writes. It is not a SIP implementation: no
/// transactions beyond retransmitting the request until a final response, no authentication, no
/// routing. The engine's real SIP stack lives in <c>Engine/Sip</c>.
/// </summary>
internal sealed class RawSipSignalling : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _peer;
    private readonly string _callId = Guid.NewGuid().ToString("N") + "@127.0.0.1";
    private readonly string _fromTag = Guid.NewGuid().ToString("N")[..8];
    private readonly string _user;
    private string? _toTag;
    private int _cseq;

    public RawSipSignalling(int peerPort, string user = "sipp")
    {
        _user = user;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _peer = new IPEndPoint(IPAddress.Loopback, peerPort);
    }

    private int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Sends an INVITE with <paramref name="sdp"/>, waits for 200 OK, returns its SDP body.</summary>
    public async Task<string> InviteAsync(string sdp, CancellationToken cancellationToken)
    {
        var response = await RequestAsync("INVITE", sdp, cancellationToken);
        _toTag = Header(response, "To")?.Split(";tag=").ElementAtOrDefault(1);
        var body = response.Split("\r\n\r\n", 2);
        return body.Length == 2 ? body[1] : string.Empty;
    }

    /// <summary>Acknowledges the 200 OK (no response is expected).</summary>
    public async Task AckAsync(CancellationToken cancellationToken) =>
        await _socket.SendToAsync(Encoding.ASCII.GetBytes(Request("ACK", _cseq, string.Empty)), _peer, cancellationToken);

    /// <summary>Sends BYE and waits for its 200 OK.</summary>
    public async Task ByeAsync(CancellationToken cancellationToken) => await RequestAsync("BYE", string.Empty, cancellationToken);

    public void Dispose() => _socket.Dispose();

    private async Task<string> RequestAsync(string method, string body, CancellationToken cancellationToken)
    {
        var cseq = ++_cseq;
        var bytes = Encoding.ASCII.GetBytes(Request(method, cseq, body));
        var buffer = new byte[8192];
        while (true)
        {
            await _socket.SendToAsync(bytes, _peer, cancellationToken);
            using var retransmit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            retransmit.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                while (true)
                {
                    var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, retransmit.Token);
                    var text = Encoding.ASCII.GetString(buffer, 0, length);
                    var status = text.Split(' ', 3);
                    if (status[0] == "SIP/2.0" && Header(text, "CSeq")?.StartsWith($"{cseq} {method}", StringComparison.Ordinal) == true &&
                        int.Parse(status[1], CultureInfo.InvariantCulture) >= 200)
                    {
                        return text;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No final response in 500 ms: send again (UDP).
            }
        }
    }

    private string Request(string method, int cseq, string body)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{method} sip:{_user}@127.0.0.1:{_peer.Port} SIP/2.0\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};branch=z9hG4bK{Guid.NewGuid():N}\r\n");
        text.Append("Max-Forwards: 70\r\n");
        text.Append(CultureInfo.InvariantCulture, $"From: <sip:test@127.0.0.1:{LocalPort}>;tag={_fromTag}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"To: <sip:{_user}@127.0.0.1:{_peer.Port}>{(_toTag is null ? string.Empty : ";tag=" + _toTag)}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Call-ID: {_callId}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} {method}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Contact: <sip:test@127.0.0.1:{LocalPort}>\r\n");
        if (body.Length > 0)
        {
            text.Append("Content-Type: application/sdp\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n{body}");
        return text.ToString();
    }

    private static string? Header(string message, string name) =>
        message.Split("\r\n")
            .TakeWhile(line => line.Length > 0)
            .FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
}
