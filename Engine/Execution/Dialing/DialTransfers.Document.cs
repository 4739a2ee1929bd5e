using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Execution.Verbs;

namespace RcmlEngine.Execution.Dialing;

/// <summary>The <c>referUrl</c> document, run on the party that stays.</summary>
internal sealed partial class DialTransfers
{
    // The referUrl request carries the Dial's own call's parameters (the parent call, as Twilio sends),
    // then ReferTransferTarget and the REFER's X- headers; the document and the ones it leads to run on
    // the party that stays, with its parameters. A leg given here is owned: hung up and freed at the end.
    private async Task RunReferDocumentAsync(DialBridge bridge, DialLeg? owned, TransferNotice notice, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var stayer = owned?.Call ?? bridge.Caller;
        var parent = bridge.Session;
        var url = parent.Resolve(bridge.Verb.ReferUrl!);
        var application = parent.Application with { VoiceUrl = url, VoiceMethod = bridge.Verb.ReferMethod, VoiceTwiml = null, VoiceFallbackUrl = null };
        var asking = new CallSession(parent.Call, application, parent.Account) { DocumentUrl = parent.DocumentUrl };
        var session = new CallSession(stayer, application, parent.Account) { PendingTransfer = notice };
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stayer.Lifecycle.Ended);
        var loadedAny = false;
        try
        {
            var loaded = await documents.LoadAsync(asking, new Navigation(url, bridge.Verb.ReferMethod, parameters), running.Token);
            var dispatcher = services.GetRequiredService<VerbDispatcher>();
            while (loaded is not null)
            {
                loadedAny = true;
                session.DocumentUrl = loaded.Url;
                var next = await RunVerbsAsync(dispatcher, loaded.Document.Verbs, session, running.Token);
                if (next is null)
                {
                    break;
                }

                session.RememberSent(next.Parameters);
                loaded = await documents.LoadAsync(session, next, running.Token);
            }
        }
        catch (OperationCanceledException) when (owned is not null || stayer.Lifecycle.IsEnded)
        {
            // The party that stays hung up (or the engine stops): the transfer is over.
        }
#pragma warning disable CA1031 // A detached run must never take the host down.
        catch (Exception exception) when (owned is not null && exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogTransferFailed(exception);
        }
        finally
        {
            // No Dial reported the outcome: the document's end does (503 when it could not be had).
            var status = stayer.Lifecycle.IsEnded ? 487 : loadedAny ? 200 : 503;
            if (!notice.IsResolved)
            {
                LogTransferResolved(stayer.Info.CallSid, status);
                notice.Resolve(status);
            }

            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    // The verbs of one document: the next navigation, or null when the document ends (or hangs up the call).
    private static async Task<Navigation?> RunVerbsAsync(VerbDispatcher dispatcher, IReadOnlyList<Rcml.Ast.RcmlVerb> verbs, CallSession session, CancellationToken cancellationToken)
    {
        foreach (var verb in verbs)
        {
            session.VerbsRun++;
            var outcome = await dispatcher.ExecuteAsync(verb, session, cancellationToken);
            switch (outcome.Kind)
            {
                case VerbOutcomeKind.HangUp:
                    await session.Call.HangUpAsync(CancellationToken.None);
                    return null;
                case VerbOutcomeKind.Navigate:
                    return outcome.Target;
            }
        }

        return null;
    }
}
