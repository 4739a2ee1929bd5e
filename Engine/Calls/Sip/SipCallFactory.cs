using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// Makes SIP call legs: wraps an incoming INVITE (<see cref="Accept"/>) and places outbound legs
/// (<see cref="Dial"/>), each with a media session of its own on the shared pacer. The SDP address is
/// the configured public one, else the local address the signalling uses towards that peer.
/// </summary>
internal sealed class SipCallFactory : ICallDialer
{
    private readonly SipStack _stack;
    private readonly MediaSessionFactory _media;
    private readonly MediaSessionOptions _mediaOptions;
    private readonly SipCallLegContext _context;
    private readonly SipDialPlanner _planner;

    /// <summary>
    /// Creates the factory over a started stack. Numbers are called through <paramref name="dialPlan"/>'s
    /// trunks (none: numbers cannot be called); clients are looked up in <paramref name="registrar"/>.
    /// </summary>
    public SipCallFactory(SipStack stack, MediaSessionFactory media, MediaSessionOptions mediaOptions,
        IAudioSourceFactory audio, TimeProvider time, ILogger<SipCallLeg> logger, DialPlan? dialPlan = null, SipRegistrar? registrar = null)
    {
        _stack = stack;
        _media = media;
        _mediaOptions = mediaOptions;
        _context = new SipCallLegContext(time, audio, logger);
        _planner = new SipDialPlanner(dialPlan ?? DialPlan.Empty, registrar);
    }

    /// <inheritdoc />
    public DialExpansion Expand(DialRequest request) => _planner.Expand(request);

    /// <summary>
    /// The call leg of an incoming INVITE (not answered yet), described by <paramref name="info"/>.
    /// Throws <see cref="InvalidOperationException"/> when no RTP port is free (answer it 503).
    /// </summary>
    public SipInboundCall Accept(SipIncomingCall call, CallInfo info)
    {
        ArgumentNullException.ThrowIfNull(call);
        var media = _media.Create(AdvertisedAddressFor(call.Source.Transport, call.Source.EndPoint));
        return new SipInboundCall(info, call, media, _context);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The target is not a SIP URI.</exception>
    /// <exception cref="InvalidOperationException">No RTP port is free.</exception>
    public IOutboundCall Dial(DialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SipDialTarget.TryParse(request.Target, out var target, out var uriHeaders, out var error))
        {
            throw new ArgumentException(error, nameof(request));
        }

        var peer = request.Destination?.EndPoint
            ?? (IPAddress.TryParse(target.HostWithoutBrackets, out var literal) ? new IPEndPoint(literal, target.Port ?? SipListenOptions.DefaultPort) : null);
        var kind = request.Destination?.Transport ?? (target.Transport == "tcp" ? SipTransportKind.Tcp : SipTransportKind.Udp);
        var media = _media.Create(peer is null ? null : AdvertisedAddressFor(kind, peer));
        var offer = media.CreateOffer();
        media.Start();
        var options = new SipDialOptions(target)
        {
            From = FromOf(request.CallerId ?? request.Info.From, kind, peer),
            Body = SipBody.Sdp(Encoding.UTF8.GetBytes(offer)),
            Headers = [.. uriHeaders, .. request.Headers],
            Credentials = request.Username is { } user ? new SipCredentials(user, request.Password ?? string.Empty) : null,
            RingTimeout = request.RingTimeout,
            FollowRedirects = request.FollowRedirects,
            Destination = request.Destination,
        };
        var sip = _stack.Dial(options);
        return new SipOutboundCall(request.Info with { SipCallId = sip.CallId }, sip, media, _context);
    }

    // Null when a public address is configured: the media layer then writes that one.
    private IPAddress? AdvertisedAddressFor(SipTransportKind kind, IPEndPoint remote)
    {
        if (_mediaOptions.AdvertisedAddress is not null)
        {
            return null;
        }

        try
        {
            var (host, _) = _stack.Transport.LocalAddressFor(kind, remote);
            return IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address : null;
        }
        catch (SipTransportException)
        {
            return null;
        }
    }

    // The caller id as a SIP URI: one given whole, or a user (a number) at our address.
    private SipNameAddress FromOf(string callerId, SipTransportKind kind, IPEndPoint? peer)
    {
        if (callerId.Contains(':', StringComparison.Ordinal) && SipNameAddress.TryParse(callerId, out var given, out _))
        {
            return given;
        }

        var host = peer is not null ? AdvertisedAddressFor(kind, peer)?.ToString() : null;
        host ??= _stack.LocalEndPoints.Select(e => e.EndPoint.Address).FirstOrDefault(a => !a.Equals(IPAddress.Any))?.ToString() ?? "localhost";
        var user = string.Concat(callerId.Where(c => !char.IsWhiteSpace(c)));
        return new SipNameAddress(SipUri.Create(user.Length == 0 ? null : user, SipUri.FormatHost(host)));
    }
}
