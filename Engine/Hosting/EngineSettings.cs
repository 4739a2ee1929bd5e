using System.Net;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Diagnostics;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Rtp;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;
using SipListen = RcmlEngine.Sip.Transport.SipListenOptions;

namespace RcmlEngine.Hosting;

/// <summary>Carries the engine's configuration into the options of the layers below.</summary>
internal static class EngineSettings
{
    /// <summary>The digest realm of the registrar and of the INVITE challenge.</summary>
    public const string DigestRealm = "rcml";

    /// <summary>Limits and the error prompt.</summary>
    public static void Apply(EngineOptions engine, ExecutionOptions execution)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(execution);
        execution.MaxDocumentsPerCall = engine.Limits.MaxDocumentsPerCall;
        execution.MaxVerbsPerCall = engine.Limits.MaxVerbsPerCall;
        execution.MaxCallDuration = engine.Limits.MaxCallDuration;
        execution.ReferNotifyTimeout = engine.Limits.ReferNotifyTimeout;
        execution.ApologyText = engine.ErrorPrompt.Text;
        execution.ApologyVoice = engine.ErrorPrompt.Voice;
        execution.ApologyLanguage = engine.ErrorPrompt.Language;
    }

    /// <summary>The most calls in progress by default, whatever the RTP port range.</summary>
    public const int DefaultMaxConcurrentCalls = 2_000;

    /// <summary>Overload control: the configured limits, the concurrent calls derived from the RTP ports when unset.</summary>
    public static CallAdmissionOptions Admission(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var pairs = (engine.Rtp.PortMax - engine.Rtp.PortMin + 1) / 2;
        return new CallAdmissionOptions
        {
            MaxConcurrentCalls = engine.Limits.MaxConcurrentCalls ?? Math.Clamp(pairs, 1, DefaultMaxConcurrentCalls),
            MaxCallsPerSecond = engine.Limits.MaxCallsPerSecond,
            MaxSchedulingDelay = engine.Limits.MaxSchedulingDelay,
        };
    }

    /// <summary>The recordings folder and the base of their URLs.</summary>
    public static void Apply(EngineOptions engine, RecordingStoreOptions recordings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(recordings);
        recordings.Folder = engine.Recordings.Folder;
        recordings.BaseUrl = PublicBaseUrl(engine);
    }

    /// <summary>
    /// The URL applications reach the engine's HTTP server at: <c>Http:PublicBaseUrl</c>, else
    /// <c>http://PublicAddress:Port/</c>, else the listening address (127.0.0.1 for a wildcard).
    /// </summary>
    public static Uri PublicBaseUrl(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Http.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var host = engine.PublicAddress
            ?? (engine.Http.ListenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : engine.Http.ListenAddress);
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new Uri($"http://{authority}:{engine.Http.Port}/");
    }

    /// <summary>The RTP port range (<c>Rtp:PortMin</c>, <c>Rtp:PortMax</c>) over the rest of the <c>Rtp</c> section.</summary>
    public static void Apply(EngineOptions engine, RtpOptions rtp)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(rtp);
        rtp.MinPort = engine.Rtp.PortMin;
        rtp.MaxPort = engine.Rtp.PortMax;
    }

    /// <summary>
    /// RTP binds where SIP listens; SDP carries <c>PublicAddress</c> when it is an IP address (a host name
    /// is resolved once, at start), else the address the signalling uses towards each peer.
    /// </summary>
    public static void Apply(EngineOptions engine, MediaSessionOptions sessions)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(sessions);
        sessions.BindAddress = IPAddress.Parse(engine.Sip.ListenAddress);
        sessions.AdvertisedAddress = engine.PublicAddress is not { } address ? null
            : IPAddress.TryParse(address, out var ip) ? ip
            : Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == sessions.BindAddress.AddressFamily);
    }

    /// <summary>The SIP stack's listeners (UDP and TCP on <c>Sip:ListenAddress</c>) and the advertised host.</summary>
    public static SipStackOptions SipStack(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sip = engine.Sip;
        return new SipStackOptions
        {
            Transport = new SipTransportOptions
            {
                Listen = [SipListen.Udp(sip.ListenAddress, sip.UdpPort), SipListen.Tcp(sip.ListenAddress, sip.TcpPort)],
                AdvertisedHost = engine.PublicAddress,
                MaxTcpConnections = sip.MaxTcpConnections,
                TcpOutboundReserve = sip.TcpOutboundReserve,
                MaxTcpConnectionsPerSource = sip.MaxTcpConnectionsPerSource,
                TcpFirstMessageTimeout = sip.TcpFirstMessageTimeout,
                LogLinesPerSourcePerMinute = sip.LogLinesPerSourcePerMinute,
            },
            AllowedSources = sip.AllowedSources.Count == 0 ? null : AddressRanges.Parse(sip.AllowedSources),
            InboundAuthentication = InboundAuthentication(engine),
            MaxInvitesPerSourcePerSecond = sip.MaxInvitesPerSourcePerSecond,
        };
    }

    /// <summary>
    /// Samples mode: no application and no trunk configured. Only then do calls reach the samples (a sample
    /// that dials a number must never find a trunk to call through).
    /// </summary>
    public static bool SamplesMode(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Applications.Count == 0 && engine.Trunks.Count == 0;
    }

    /// <summary>
    /// What <c>Webhooks:BlockPrivateAddresses</c> means when not set: on, except in samples mode (the engine
    /// fetches its samples from itself) and when both SIP and HTTP listen on loopback only (nobody else can
    /// call in: a developer's machine, the tests).
    /// </summary>
    public static bool BlocksPrivateAddresses(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var loopbackOnly = IPAddress.TryParse(engine.Sip.ListenAddress, out var sip) && IPAddress.IsLoopback(sip)
            && IPAddress.TryParse(engine.Http.ListenAddress, out var http) && IPAddress.IsLoopback(http);
        return !SamplesMode(engine) && !loopbackOnly;
    }

    /// <summary>The INVITE challenge of <c>Sip:InboundAuthentication</c>, against the passwords of <c>Clients</c>; null when off.</summary>
    private static SipInboundAuthentication? InboundAuthentication(EngineOptions engine)
    {
        if (!engine.Sip.InboundAuthentication)
        {
            return null;
        }

        var passwords = engine.Clients.ToDictionary(c => c.Name, c => c.Password, StringComparer.Ordinal);
        return new SipInboundAuthentication(DigestRealm, name => passwords.GetValueOrDefault(name))
        {
            TrustedSources = AddressRanges.Parse(engine.Sip.TrustedSources),
            MaxFailuresPerSourcePerMinute = engine.Sip.MaxAuthFailuresPerSourcePerMinute,
        };
    }

    /// <summary>The dial plan of <c>Trunks</c>, in configured order.</summary>
    public static DialPlan DialPlan(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new DialPlan([.. engine.Trunks.Select((trunk, i) => new TrunkRoute
        {
            Name = trunk.Name ?? $"trunk {i}",
            Prefix = Calls.Dialing.DialPlan.Normalize(trunk.Prefix),
            Host = trunk.Host.Trim(),
            Port = trunk.Port,
            Transport = trunk.Transport.ToLowerInvariant(),
            Username = trunk.Username,
            Password = trunk.Password,
            Strip = trunk.Strip,
            Prepend = trunk.Prepend,
        })]);
    }

    /// <summary>The registrar's settings for <c>Clients</c>; null when no client is configured (REGISTER is then not served).</summary>
    public static SipRegistrarOptions? Registrar(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Clients.Count == 0)
        {
            return null;
        }

        var passwords = engine.Clients.ToDictionary(c => c.Name, c => c.Password, StringComparer.Ordinal);
        return new SipRegistrarOptions(name => passwords.GetValueOrDefault(name))
        {
            Realm = DigestRealm,
            MaxFailuresPerSourcePerMinute = engine.Sip.MaxAuthFailuresPerSourcePerMinute,
        };
    }
}
