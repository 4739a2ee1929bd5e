using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace RcmlEngine.Sdp;

/// <summary>
/// This side's <c>o=</c> line across one session's offers and answers: one session id, and a
/// version that grows by one whenever the description differs from the previous one (RFC 3264 8).
/// </summary>
internal sealed class SdpOriginState
{
    private readonly string _sessionId;
    private readonly string _address;
    private readonly string _addressType;
    private ulong _version;
    private string? _previous;

    /// <summary>Starts a session whose <c>o=</c> names <paramref name="address"/>.</summary>
    public SdpOriginState(IPAddress address)
    {
        // RFC 4566 5.2 suggests an NTP-format timestamp; a random 62-bit number is as unique.
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        _sessionId = (BitConverter.ToUInt64(random) >> 2).ToString(CultureInfo.InvariantCulture);
        _version = 1;
        _address = address.ToString();
        _addressType = SdpConnection.AddressTypeOf(address);
    }

    /// <summary>The origin line as it stands.</summary>
    public SdpOrigin Current => new("rcml", _sessionId, _version, "IN", _addressType, _address);

    /// <summary>Puts the origin on a description this side is about to send, moving the version on when it changed.</summary>
    public SdpSessionDescription Stamp(SdpSessionDescription draft)
    {
        var body = SdpWriter.Write(draft with { Origin = new SdpOrigin("-", "0", 0, "IN", "IP4", "0.0.0.0") });
        if (_previous is not null && body != _previous)
        {
            _version++;
        }

        _previous = body;
        return draft with { Origin = Current };
    }
}
