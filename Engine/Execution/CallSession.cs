using RcmlEngine.Calls;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Execution;

/// <summary>
/// One call's run through its documents: the call, its application and account, the document running
/// (relative URLs resolve against it), and the counts the limits are checked against. Used by one call's
/// interpreter loop at a time.
/// </summary>
internal sealed class CallSession(ICall call, CallApplicationHolder application, CallAccount account)
{
    /// <summary>A session of <paramref name="call"/> whose application does not change.</summary>
    public CallSession(ICall call, CallApplication application, CallAccount account)
        : this(call, new CallApplicationHolder(application), account)
    {
    }

    private readonly Dictionary<string, string> _sent = new(StringComparer.Ordinal);

    /// <summary>The call.</summary>
    public ICall Call { get; } = call;

    /// <summary>The media streams running on the call (<c>&lt;Start&gt;&lt;Stream&gt;</c>), by name.</summary>
    public Streams.CallStreams Streams { get; } = new();

    /// <summary>The real-time transcriptions running on the call (<c>&lt;Start&gt;&lt;Transcription&gt;</c>), by name.</summary>
    public Transcriptions.CallTranscriptions Transcriptions { get; } = new();

    /// <summary>Its application as it is now (the REST API may change its status callback).</summary>
    public CallApplication Application => application.Current;

    /// <summary>Its account.</summary>
    public CallAccount Account { get; } = account;

    /// <summary>The call's sid.</summary>
    public string CallSid => Call.Info.CallSid;

    /// <summary>The URL of the document running (after HTTP redirects); the first one is the voice URL.</summary>
    public Uri DocumentUrl { get; set; } = application.Current.VoiceUrl;

    /// <summary>
    /// The transfer (REFER) whose outcome this session's next <c>&lt;Dial&gt;</c> reports: set while a
    /// <c>referUrl</c> document runs on the party that stays; null otherwise.
    /// </summary>
    public Dialing.TransferNotice? PendingTransfer { get; set; }

    /// <summary>Documents fetched so far (fallbacks included).</summary>
    public int DocumentsFetched { get; set; }

    /// <summary>Verbs run so far (nested Gather verbs not counted).</summary>
    public int VerbsRun { get; set; }

    /// <summary>Errors reported so far (warnings not counted).</summary>
    public int ErrorsReported { get; set; }

    /// <summary>
    /// The last value of each parameter the engine sent the application with a navigation during this call
    /// (<c>Digits</c> of the last Gather, <c>RecordingUrl</c>...): what the caller entered, for notifications.
    /// </summary>
    public IReadOnlyDictionary<string, string> SentParameters => _sent;

    /// <summary>Remembers <paramref name="parameters"/> in <see cref="SentParameters"/>, later values winning.</summary>
    public void RememberSent(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters)
        {
            _sent[name] = value;
        }
    }

    /// <summary><paramref name="url"/> made absolute against <see cref="DocumentUrl"/>.</summary>
    public Uri Resolve(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? url : new Uri(DocumentUrl, url);
    }

    /// <summary>A signed request to <paramref name="url"/> with the call's standard parameters, then <paramref name="extra"/>.</summary>
    public WebhookRequest Request(Uri url, RcmlHttpMethod method, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var parameters = CallParameters.Standard(Call);
        if (extra is not null)
        {
            parameters.AddRange(extra);
        }

        return new WebhookRequest(url, method.ToWebhookMethod(), parameters, Account.AuthToken);
    }
}
