using System.Net;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media.Mixing;
using RcmlEngine.Rtp;
using RcmlEngine.Rtp.Dtmf;
using RcmlEngine.Sdp;

namespace RcmlEngine.Media.Sessions;

/// <summary>
/// A call leg's media over RTP: the <see cref="IMediaSession"/> the interpreter drives, plus what
/// the call layer needs: SDP offer/answer (<see cref="CreateOffer"/>, <see cref="AnswerOffer"/>,
/// <see cref="ApplyAnswer"/>), hold through <see cref="SetDirection"/>, start and stop, and digits
/// from SIP INFO (<see cref="PushInfoDigit"/>), which join the RFC 4733 ones in <see cref="DigitReceived"/>.
/// Created by <see cref="MediaSessionFactory"/>.
/// </summary>
internal sealed partial class RtpMediaSession : IMediaSession, IAsyncDisposable
{
    private static long _lastId;

    private readonly RtpSession _rtp;
    private readonly RtpOptions _rtpOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<RtpMediaSession> _logger;
    private readonly InboundAudioRouter _router = new();

    // Play and bridge both write the outgoing audio: they take turns.
    private readonly SemaphoreSlim _outboundGate = new(1, 1);
    private volatile RtpMediaSession? _bridgedTo;

    /// <summary>Creates a session around an RTP session on its own port pair.</summary>
    internal RtpMediaSession(
        RtpSession rtp, SdpLocalAudio local, RtpOptions rtpOptions, TimeProvider time, ILogger<RtpMediaSession> logger)
    {
        _rtp = rtp;
        _local = local;
        _origin = new SdpOriginState(local.Address);
        _rtpOptions = rtpOptions;
        _time = time;
        _logger = logger;
        Id = Interlocked.Increment(ref _lastId);
        _rtp.AudioReceiver = _router;
        _rtp.DigitReceived = d => OnDigit(new CallDigit(d.Digit, d.Duration, d.StartedAt, DigitSource.Rfc4733));
        Ended = MapEndAsync(rtp.Ended);
    }

    /// <summary>A number naming this session in logs.</summary>
    public long Id { get; }

    /// <summary>The local RTP address and port (RTCP on the next port).</summary>
    public IPEndPoint LocalEndPoint => _rtp.LocalEndPoint;

    /// <summary>The RTP session underneath (counters, configuration), for the call layer and tests.</summary>
    internal RtpSession Rtp => _rtp;

    /// <inheritdoc />
    public Action<CallDigit>? DigitReceived { get; set; }

    /// <inheritdoc />
    public bool Muted
    {
        get => _router.Muted;
        set => _router.Muted = value;
    }

    /// <inheritdoc />
    public Task<MediaEndReason> Ended { get; }

    /// <summary>Starts sending and receiving; call once the first negotiation succeeded (or to receive early media).</summary>
    public void Start()
    {
        _rtp.Start();
        LogStarted(Id, LocalEndPoint);
    }

    /// <summary>Stops the media (RTCP BYE), frees the ports. Safe to call more than once.</summary>
    public Task StopAsync() => _rtp.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _outboundGate.Dispose();
    }

    /// <summary>
    /// Takes a digit from a SIP INFO request (<c>application/dtmf-relay</c>, parsed by the call layer):
    /// it goes where RFC 4733 digits go (<see cref="DigitReceived"/>, and the bridged leg). False when
    /// the character is not a DTMF digit.
    /// </summary>
    public bool PushInfoDigit(char digit, TimeSpan duration)
    {
        if (!DtmfEvents.IsDigit(digit))
        {
            return false;
        }

        OnDigit(new CallDigit(char.ToUpperInvariant(digit), duration, _time.GetUtcNow(), DigitSource.SipInfo));
        return true;
    }

    /// <inheritdoc />
    public async Task SendDigitAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!DtmfEvents.IsDigit(digit))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF digit");
        }

        await _rtp.SendDigit(digit, duration).WaitAsync(cancellationToken);
    }

    private void OnDigit(CallDigit digit)
    {
        LogDigit(Id, digit.Digit, digit.Source);
        DigitReceived?.Invoke(digit);
        _streams.OnDigit(digit.Digit);

        // Bridged: the other leg's phone hears the key too (its completion is of no interest here).
        _ = _bridgedTo?._rtp.SendDigit(digit.Digit, digit.Duration);
    }

    private static async Task<MediaEndReason> MapEndAsync(Task<RtpEndReason> ended)
    {
        var reason = await ended;
        return reason switch
        {
            RtpEndReason.InactivityTimeout => MediaEndReason.InactivityTimeout,
            RtpEndReason.TransportError => MediaEndReason.TransportError,
            _ => MediaEndReason.Stopped,
        };
    }
}
