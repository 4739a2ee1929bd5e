using System.Net;

namespace RcmlEngine.Media.Sessions;

/// <summary>Settings for the media sessions of calls (configuration section <c>Media:Sessions</c>).</summary>
internal sealed class MediaSessionOptions
{
    /// <summary>The address RTP sockets bind to.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>The address written in SDP (a public address behind NAT); null uses the bind address, or this host's first address when binding to any.</summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>Codecs offered and accepted, in order of preference.</summary>
    public IReadOnlyList<string> Codecs { get; set; } = new[] { "PCMU", "PCMA" };

    /// <summary>Whether RFC 4733 telephone-events are offered and accepted.</summary>
    public bool TelephoneEvents { get; set; } = true;
}
