using Microsoft.Extensions.Logging;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Requests;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// Transfers asked for by a phone bridged by <c>&lt;Dial&gt;</c> (a SIP REFER from the caller's leg or the
/// dialed leg). A Refer-To whose <c>Replaces</c> names another Dial bridge's leg is an attended transfer:
/// the two parties that stay are bridged together, no new call. Otherwise, with <c>referUrl</c>, the
/// REFER is accepted and the <c>referUrl</c> document runs on the party that stays (its first Dial's
/// outcome is the final NOTIFY); without it, the REFER is declined (603) and error 13802 reported,
/// and the bridge goes on. The transferor is released once the transfer is done.
/// </summary>
internal sealed partial class DialTransfers(
    DocumentLoader documents,
    IServiceProvider services,
    CallIssueReporter reporter,
    TimeProvider time,
    ILogger<DialTransfers> logger)
{
    /// <summary>The webhook parameter carrying the Refer-To as received (Twilio's name).</summary>
    public const string TargetParameter = "ReferTransferTarget";

    private readonly Lock _sync = new();
    private readonly List<DialBridge> _bridges = [];

    /// <summary>Follows <paramref name="bridge"/> until it closes: registers it and hands its phones' REFERs here.</summary>
    public IDisposable Watch(DialBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        lock (_sync)
        {
            _bridges.Add(bridge);
        }

        foreach (var party in new[] { bridge.Caller, bridge.Winner.Call })
        {
            if (party is ITransferableCall transferable)
            {
                transferable.TransferHandler = (request, token) => OnTransferAsync(bridge, party, request, token);
            }
        }

        return new Unwatch(this, bridge);
    }

    private async Task OnTransferAsync(DialBridge bridge, IBridgeableCall transferor, CallTransferRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Replaces is { } replaces && FindOther(bridge, replaces) is { } other)
            {
                await AttendedAsync(bridge, transferor, other.Bridge, other.Leg, request, cancellationToken);
                return;
            }

            if (bridge.Verb.ReferUrl is null)
            {
                request.Decline(603);
                reporter.Report(bridge.Session, ExecutionIssue.Error(ExecutionErrorCode.DialReferUrlMissing,
                    $"Dial: No referUrl attribute specified: call {transferor.Info.CallSid} sent a REFER during the <Dial> at {bridge.Verb.Span}, which has no referUrl; it was declined (603)"));
                return;
            }

            await BlindAsync(bridge, transferor, request, cancellationToken);
        }
#pragma warning disable CA1031 // A REFER must never take the call (or the host) down; the SIP layer declines it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogTransferFailed(exception);
        }
    }

    // A blind transfer: 202, then the referUrl document on the party that stays.
    private async Task BlindAsync(DialBridge bridge, IBridgeableCall transferor, CallTransferRequest request, CancellationToken cancellationToken)
    {
        if (!bridge.TryClaim())
        {
            request.Decline(491);
            return;
        }

        await request.AcceptAsync(cancellationToken);
        var callerStays = !ReferenceEquals(transferor, bridge.Caller);
        var parameters = new List<KeyValuePair<string, string>> { new(TargetParameter, request.Target) };
        parameters.AddRange(request.CustomHeaders.Select(h => new KeyValuePair<string, string>(CallParameters.SipHeaderPrefix + h.Key, h.Value)));
        var stayer = bridge.OtherThan(transferor);
        LogBlind(transferor.Info.CallSid, stayer.Info.CallSid);
        var notice = new TransferNotice(request, transferor, time);
        var handover = new DialHandover
        {
            Transferor = transferor,
            CallerStays = callerStays,
            ContinueAsync = (leg, token) => RunReferDocumentAsync(bridge, leg, notice, parameters, token),
        };
        if (!bridge.Break(handover))
        {
            await request.NotifyAsync(487, CancellationToken.None);
        }
    }

    private (DialBridge Bridge, IBridgeableCall Leg)? FindOther(DialBridge bridge, CallDialogId replaces)
    {
        lock (_sync)
        {
            foreach (var other in _bridges)
            {
                if (!ReferenceEquals(other, bridge) && other.LegWith(replaces) is { } leg)
                {
                    return (other, leg);
                }
            }
        }

        return null;
    }

    private void Forget(DialBridge bridge)
    {
        bridge.Close();
        lock (_sync)
        {
            _bridges.Remove(bridge);
        }

        foreach (var party in new[] { bridge.Caller, bridge.Winner.Call })
        {
            if (party is ITransferableCall transferable)
            {
                transferable.TransferHandler = null;
            }
        }
    }

    private sealed class Unwatch(DialTransfers owner, DialBridge bridge) : IDisposable
    {
        public void Dispose() => owner.Forget(bridge);
    }
}
