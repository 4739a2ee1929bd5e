using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>
/// Records each SIP message of a call's dialogs on its timeline: the start line and the headers, with the
/// values of credential headers masked (bodies are not kept). A dialog is a call's when the call was begun
/// with its Call-ID, or when the call's own flow sent its first request (a leg it dials). An INVITE arrives
/// before its call exists: the first messages of unknown dialogs wait in a small bounded buffer and are
/// adopted when the call begins.
/// </summary>
internal sealed class SipTimelineTrace : ISipMessageTrace
{
    private const int MaxWaitingDialogs = 256;
    private const int MaxWaitingPerDialog = 4;

    private static readonly HashSet<string> Masked = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "WWW-Authenticate", "Proxy-Authenticate", "Authentication-Info",
    };

    private readonly CallTimelines _timelines;
    private readonly ConcurrentDictionary<string, List<CallEvent>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Traces into <paramref name="timelines"/>.</summary>
    public SipTimelineTrace(CallTimelines timelines)
    {
        _timelines = timelines;
        timelines.Linked = Adopt;
    }

    /// <inheritdoc />
    public void OnMessage(SipMessage message, bool outgoing, SipRemote remote)
    {
        if (message.CallId is not { } callId)
        {
            return;
        }

        var timeline = _timelines.BySipCallId(callId);
        if (timeline is null && outgoing && message is SipRequest && CallTimeline.Current is { } current)
        {
            _timelines.Link(callId, current);
            timeline = current;
        }

        if (timeline is not null)
        {
            timeline.Add(Describe(message, outgoing, remote));
        }
        else if (IsInviteDialog(message))
        {
            Wait(callId, Describe(message, outgoing, remote));
        }
    }

    /// <summary>The start line of <paramref name="message"/>.</summary>
    public static string StartLine(SipMessage message) => message switch
    {
        SipRequest request => request.Method + " " + request.Uri,
        SipResponse response => response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase
            + (response.CSeq is { } cseq ? " (" + cseq.Method + ")" : string.Empty),
        _ => message.GetType().Name,
    };

    /// <summary>The headers, one a line, credentials masked.</summary>
    public static string Headers(SipMessage message)
    {
        var text = new StringBuilder();
        foreach (var header in message.Headers.All)
        {
            text.Append(header.Name).Append(": ").Append(Masked.Contains(header.Name) ? MaskCredentials(header.Value) : header.Value).Append('\n');
        }

        if (!message.Body.IsEmpty)
        {
            text.Append("(body: ").Append(message.Body.Length.ToString(CultureInfo.InvariantCulture)).Append(" bytes)\n");
        }

        return text.ToString();
    }

    // "Digest username=..., response=..." keeps its scheme only.
    private static string MaskCredentials(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return (space > 0 ? value[..space] + " " : string.Empty) + "********";
    }

    private CallEvent Describe(SipMessage message, bool outgoing, SipRemote remote)
    {
        var title = (outgoing ? "→ " : "← ") + StartLine(message) + (outgoing ? " to " : " from ")
            + remote.Transport.ToString().ToUpperInvariant() + " " + remote.EndPoint;
        var failed = message is SipResponse { StatusCode: >= 400 };
        return new CallEvent(_timelines.Now, outgoing ? CallEventKind.SipOut : CallEventKind.SipIn, title, Headers(message), failed);
    }

    private static bool IsInviteDialog(SipMessage message) => message.CSeq?.Method == SipMethods.Invite;

    private void Wait(string callId, CallEvent entry)
    {
        if (_waiting.Count >= MaxWaitingDialogs)
        {
            // Unclaimed dialogs (unroutable INVITEs): forget them all rather than grow.
            _waiting.Clear();
        }

        var list = _waiting.GetOrAdd(callId, _ => []);
        lock (list)
        {
            if (list.Count < MaxWaitingPerDialog)
            {
                list.Add(entry);
            }
        }
    }

    private void Adopt(string callId, CallTimeline timeline)
    {
        if (_waiting.TryRemove(callId, out var list))
        {
            lock (list)
            {
                foreach (var entry in list)
                {
                    timeline.Add(entry);
                }
            }
        }
    }
}
