using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 17): matches every incoming message to its transaction, makes
/// server transactions for new requests, starts client transactions, and runs all their timers
/// on one <see cref="SipTimerQueue"/>.
/// </summary>
internal sealed partial class SipTransactionLayer
{
    private readonly ConcurrentDictionary<string, SipClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly ILogger<SipTransactionLayer> _logger;

    public SipTransactionLayer(SipTransportLayer transport, SipTimerQueue queue, SipTimers timers, ILoggerFactory loggers)
    {
        Transport = transport;
        Queue = queue;
        Timers = timers;
        _logger = loggers.CreateLogger<SipTransactionLayer>();
    }

    public SipTransportLayer Transport { get; }

    public SipTimerQueue Queue { get; }

    public SipTimers Timers { get; }

    public ISipTransactionUser? User { get; set; }

    /// <summary>Live client transactions (a leak shows here).</summary>
    public int ClientCount => _client.Count;

    /// <summary>Live server transactions.</summary>
    public int ServerCount => _server.Count;

    /// <summary>
    /// Starts a client transaction: adds a top Via with a new branch (or <paramref name="branch"/>,
    /// which a CANCEL shares with its INVITE, RFC 3261 9.1) and sends the request. <paramref name="prepare"/>
    /// runs before the request leaves, so handlers it sets cannot miss a fast response.
    /// </summary>
    public SipClientTransaction StartClient(SipRequest request, SipDestination destination, string? branch = null,
        Action<SipClientTransaction>? prepare = null, CancellationToken cancellationToken = default)
    {
        var parameters = new SipParameters().Set("branch", branch ?? SipTransactionKey.NewBranch());
        request.Headers.AddFirst(SipHeaderNames.Via, new SipVia("UDP", "0.0.0.0", null, parameters).ToString());
        var key = SipTransactionKey.ForClient(request) ?? throw new ArgumentException("request needs a CSeq", nameof(request));
        SipClientTransaction transaction = request.Method == SipMethods.Invite
            ? new SipInviteClientTransaction(this, request, key)
            : new SipNonInviteClientTransaction(this, request, key);
        prepare?.Invoke(transaction);
        _ = transaction.StartAsync(destination, cancellationToken);
        return transaction;
    }

    /// <summary>Takes one message from the transport layer.</summary>
    public void Handle(SipInbound inbound)
    {
        if (inbound.Message is SipResponse response)
        {
            HandleResponse(response, inbound.Source);
        }
        else
        {
            HandleRequest((SipRequest)inbound.Message, inbound.Source);
        }
    }

    /// <summary>Sends bytes without waiting; failures are logged (the transaction's timers cover losses).</summary>
    internal void Send(SipRemote target, byte[] bytes) => _ = SendAsync(target, bytes);

    internal void Register(SipClientTransaction transaction) => _client[transaction.Key] = transaction;

    internal void Remove(SipClientTransaction transaction) =>
        _client.TryRemove(new KeyValuePair<string, SipClientTransaction>(transaction.Key, transaction));

    internal void Remove(SipServerTransaction transaction) =>
        _server.TryRemove(new KeyValuePair<string, SipServerTransaction>(transaction.Key, transaction));

    private void HandleResponse(SipResponse response, SipRemote source)
    {
        if (UacResponseCheck.DropReason(response) is { } reason)
        {
            if (_logger.IsEnabled(LogLevel.Information) && Transport.LogThrottle.ShouldLog(_logger, source.EndPoint.Address))
            {
                var escaped = LogText.Escape(reason);
                Log.ResponseDropped(_logger, response.StatusCode, source, escaped);
            }

            return;
        }

        if (SipTransactionKey.ForClient(response) is { } key && _client.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }

        User?.OnStrayResponse(response, source);
    }

    private void HandleRequest(SipRequest request, SipRemote source)
    {
        var key = SipTransactionKey.ForServer(request);
        if (key is null)
        {
            // No usable Via or CSeq: there is no transaction to make (RFC 3261 8.2.6 answers statelessly when it can).
            if (_logger.IsEnabled(LogLevel.Information) && Transport.LogThrottle.ShouldLog(_logger, source.EndPoint.Address))
            {
                var method = LogText.Escape(request.Method);
                Log.RequestWithoutKey(_logger, method, source);
            }

            if (request.Method != SipMethods.Ack && request.TopVia is not null)
            {
                Send(SipTransportLayer.ResponseTarget(request.TopVia, source), SipWriter.ToBytes(SipResponse.For(request, 400, "Bad Request (CSeq)")));
            }

            return;
        }

        if (request.Method == SipMethods.Ack)
        {
            if (_server.TryGetValue(key, out var invite) && invite is SipInviteServerTransaction inviteTransaction &&
                inviteTransaction.State != SipTransactionState.Accepted)
            {
                inviteTransaction.OnAck(request, source);
            }
            else
            {
                User?.OnAck(request, source);
            }

            return;
        }

        if (_server.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        SipServerTransaction transaction = request.Method == SipMethods.Invite
            ? new SipInviteServerTransaction(this, request, source, key)
            : new SipNonInviteServerTransaction(this, request, source, key);
        _server[key] = transaction;
        if (request.Method == SipMethods.Cancel)
        {
            var inviteKey = SipTransactionKey.ForServer(request, SipMethods.Invite);
            var invite = inviteKey is not null && _server.TryGetValue(inviteKey, out var found) ? found as SipInviteServerTransaction : null;
            User?.OnCancel(transaction, invite);
            return;
        }

        User?.OnRequest(transaction);
    }

    private async Task SendAsync(SipRemote target, byte[] bytes)
    {
        try
        {
            await Transport.SendRawAsync(target, bytes, CancellationToken.None);
        }
        catch (SipTransportException ex)
        {
            Log.SendFailed(_logger, target, ex.Message);
        }
    }
}
