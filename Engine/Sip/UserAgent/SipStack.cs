using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// The SIP user agent, both roles: the one object the call layer holds. Start it with
/// <see cref="Start"/>; incoming calls arrive through <see cref="IncomingCallHandler"/>; place calls
/// with <see cref="Dial"/>. OPTIONS is answered by itself; REGISTER goes to <see cref="RegisterHandler"/>.
/// </summary>
internal sealed partial class SipStack : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SipCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipIncomingCall> _pendingInvites = new(StringComparer.Ordinal);
    private readonly SipTimerQueue _queue;
    private readonly DigestServer? _digestServer;
    private readonly PerKeyRateLimiter<IPAddress> _invitesPerSource;
    private readonly PerKeyRateLimiter<IPAddress> _authFailures;
    private readonly ILogger<SipStack> _logger;

    private SipStack(SipStackOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        Options = options;
        Time = time;
        Loggers = loggers;
        _logger = loggers.CreateLogger<SipStack>();
        _queue = new SipTimerQueue(time, loggers.CreateLogger<SipTimerQueue>());
        Transport = new SipTransportLayer(options.Transport, time, loggers, options.Resolver);
        Transactions = new SipTransactionLayer(Transport, _queue, options.Timers, loggers) { User = new TransactionUser(this) };
        if (options.InboundAuthentication is { } auth)
        {
            // MD5 only, as the registrar: SIPp and baresip give up on a SHA-256 challenge.
            _digestServer = new DigestServer(auth.Realm, auth.PasswordFor, time) { Proxy = true, Algorithms = ["MD5"] };
        }

        _invitesPerSource = new PerKeyRateLimiter<IPAddress>(options.MaxInvitesPerSourcePerSecond, TimeSpan.FromSeconds(1), time);
        _authFailures = new PerKeyRateLimiter<IPAddress>(options.InboundAuthentication?.MaxFailuresPerSourcePerMinute ?? 0, TimeSpan.FromMinutes(1), time);
    }

    public SipStackOptions Options { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// Runs for every new call that passed the checks (RFC 3261 8.2) and authentication. The handler
    /// rings, accepts or rejects it; a call it leaves unanswered when it returns is answered 480.
    /// Without a handler every INVITE is answered 480.
    /// </summary>
    public Func<SipIncomingCall, CancellationToken, Task>? IncomingCallHandler { get; set; }

    /// <summary>
    /// Overload control: asked for each new INVITE after the source checks and authentication; a refusal is
    /// answered 503 with Retry-After. The admission it gives is disposed when the call ends. None: every call is taken.
    /// </summary>
    public ISipCallGate? CallGate { get; set; }

    /// <summary>
    /// Answers REGISTER outside a dialog (a registrar such as <c>Registrar.SipRegistrar</c> plugs in here),
    /// given the request and where it came from (transport, source address, TCP connection: what
    /// RFC 3581 received/rport describe, for reaching a UA behind NAT). Without it REGISTER gets 501.
    /// </summary>
    public Func<SipRequest, SipRemote, CancellationToken, Task<SipResponse>>? RegisterHandler { get; set; }

    /// <summary>The bound address of each transport (useful when a port was 0).</summary>
    public IReadOnlyList<(SipTransportKind Transport, IPEndPoint EndPoint)> LocalEndPoints =>
        Transport.Transports.Select(t => (t.Kind, t.LocalEndPoint)).ToList();

    /// <summary>Calls with a dialog or an INVITE in progress.</summary>
    public int ActiveCalls => _calls.Count;

    internal SipTransportLayer Transport { get; }

    internal SipTransactionLayer Transactions { get; }

    internal SipTimerQueue Queue => _queue;

    internal ILoggerFactory Loggers { get; }

    /// <summary>Binds the transports of <paramref name="options"/> and starts receiving.</summary>
    public static SipStack Start(SipStackOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        var stack = new SipStack(options, time, loggers);
        stack.Transport.Start(stack.Transactions.Handle);
        return stack;
    }

    /// <summary>Places a call: sends the INVITE now and returns the call, whose <see cref="SipOutgoingCall.Outcome"/> tells how it went.</summary>
    public SipOutgoingCall Dial(SipDialOptions options, CancellationToken cancellationToken = default)
    {
        var call = new SipOutgoingCall(this, options);
        SipMetrics.Calls.Add(1, new KeyValuePair<string, object?>("direction", "outbound"));
        call.Begin(cancellationToken);
        return call;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var call in _calls.Values)
        {
            call.EndLocally(SipCallEndReason.Failed, 503);
        }

        await Transport.DisposeAsync();
        _queue.Dispose();
    }

    internal static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    internal static string NewCallId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    internal void Track(SipCall call) => _calls[call.Key] = call;

    internal void Forget(SipCall call) => _calls.TryRemove(new KeyValuePair<string, SipCall>(call.Key, call));

    internal void ForgetPendingInvite(string transactionKey) => _pendingInvites.TryRemove(transactionKey, out _);

    /// <summary>The first place RFC 3263 gives for <paramref name="uri"/>.</summary>
    internal async Task<SipDestination> ResolveAsync(SipUri uri, CancellationToken cancellationToken)
    {
        var destinations = await Transport.Resolver.ResolveAsync(uri, cancellationToken);
        return destinations.Count > 0 ? destinations[0] : throw new SipTransportException($"no destination for {uri}");
    }

    /// <summary>Our Contact for messages exchanged with <paramref name="remote"/> over <paramref name="kind"/>.</summary>
    internal SipNameAddress ContactFor(SipTransportKind kind, IPEndPoint remote)
    {
        var (host, port) = Transport.LocalAddressFor(kind, remote);
        var parameters = new SipParameters();
        if (kind == SipTransportKind.Tcp)
        {
            parameters.Set("transport", "tcp");
        }

        return new SipNameAddress(SipUri.Create(Options.ContactUser, host, port, parameters: parameters));
    }

    /// <summary>
    /// Sends a request in a client transaction and waits for its final response, answering one
    /// 401/407 with <paramref name="credentials"/> (a new CSeq, RFC 3261 22.2). Transport failures
    /// come back as 503, no answer as 408. <paramref name="pinned"/>, when set, is where it goes
    /// instead of where its Route or Request-URI resolves.
    /// </summary>
    internal async Task<SipResponse> SendAsync(SipRequest request, SipCredentials? credentials, Action<SipClientTransaction>? started,
        Func<long, long>? nextCSeq, CancellationToken cancellationToken, SipDestination? pinned = null)
    {
        var digest = new DigestClient();
        for (var attempt = 0; ; attempt++)
        {
            SipDestination destination;
            try
            {
                destination = pinned ?? await ResolveAsync(request.TopRoute?.Uri ?? request.Uri, cancellationToken);
            }
            catch (SipTransportException ex)
            {
                return SipResponse.For(request, 503, $"Service Unavailable ({ex.Message})");
            }

            AddStandardHeaders(request);
            // The caller's handlers go on before the request leaves: a 180 can come back before this line ends.
            var transaction = Transactions.StartClient(request, destination, cancellationToken: cancellationToken, prepare: started);
            var response = await transaction.Final.WaitAsync(cancellationToken);
            if (response.StatusCode is not (401 or 407) || credentials is null || attempt >= 2)
            {
                return response;
            }

            var number = request.CSeq!.Value.Number + 1;
            var retry = request.CopyForRetry(nextCSeq?.Invoke(number) ?? number);
            if (!digest.TryAuthorize(response, retry, credentials))
            {
                return response;
            }

            Log.Authenticating(_logger, request.Method, response.StatusCode);
            request = retry;
        }
    }

    internal void AddStandardHeaders(SipMessage message)
    {
        if (message is SipRequest && !message.Headers.Contains(SipHeaderNames.UserAgent))
        {
            message.Headers.Add(SipHeaderNames.UserAgent, Options.UserAgent);
        }
    }

    private sealed class TransactionUser(SipStack stack) : ISipTransactionUser
    {
        public void OnRequest(SipServerTransaction transaction) => stack.OnRequest(transaction);

        public void OnCancel(SipServerTransaction cancel, SipInviteServerTransaction? invite) => stack.OnCancel(cancel, invite);

        public void OnAck(SipRequest ack, SipRemote source) => stack.OnAck(ack);

        public void OnStrayResponse(SipResponse response, SipRemote source) => stack.OnStrayResponse(response);
    }
}
