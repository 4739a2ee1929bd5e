namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Dial&gt;</c>: connects the caller to another party (a number as text, or nouns).</summary>
internal sealed record DialVerb : RcmlVerb
{
    /// <summary>Twilio's default ring <c>timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Twilio's default <c>timeLimit</c> (4 hours).</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(14400);

    /// <summary>A phone number written as the element's text (<c>&lt;Dial&gt;+15551234567&lt;/Dial&gt;</c>).</summary>
    public string? Number { get; init; }

    /// <summary>The nested targets (<c>Number</c>, <c>Sip</c>, <c>Client</c>, <c>Conference</c>, <c>Queue</c>).</summary>
    public IReadOnlyList<RcmlNoun> Nouns { get; init; } = [];

    /// <summary><c>action</c>: requested when the dialed call ends; null continues with the next verb.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>timeout</c>: how long to ring before giving up.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary><c>timeLimit</c>: the longest the bridged call may last.</summary>
    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;

    /// <summary><c>callerId</c> shown to the called party; null keeps the caller's.</summary>
    public string? CallerId { get; init; }

    /// <summary><c>hangupOnStar</c>: the caller leaves the bridge by pressing <c>*</c>.</summary>
    public bool HangupOnStar { get; init; }

    /// <summary><c>record</c>.</summary>
    public DialRecording Record { get; init; } = DialRecording.DoNotRecord;

    /// <summary><c>trim</c> of the recording.</summary>
    public RecordingTrim Trim { get; init; } = RecordingTrim.DoNotTrim;

    /// <summary><c>recordingStatusCallback</c>.</summary>
    public Uri? RecordingStatusCallback { get; init; }

    /// <summary><c>recordingStatusCallbackMethod</c>.</summary>
    public RcmlHttpMethod RecordingStatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>recordingStatusCallbackEvent</c>.</summary>
    public RecordingEvents RecordingStatusCallbackEvent { get; init; } = RecordingEvents.Completed;

    /// <summary><c>answerOnBridge</c>: answer the inbound call only when the dialed party answers.</summary>
    public bool AnswerOnBridge { get; init; }

    /// <summary><c>ringTone</c>: the country whose ringback the caller hears (<c>us</c>, <c>uk</c>...); null for automatic.</summary>
    public string? RingTone { get; init; }

    /// <summary>
    /// <c>referUrl</c>: requested when a bridged party transfers the call with a SIP REFER; its document
    /// runs on the party that stays. Null: such a REFER is declined (603, error 13802).
    /// </summary>
    public Uri? ReferUrl { get; init; }

    /// <summary><c>referMethod</c> for <see cref="ReferUrl"/>.</summary>
    public RcmlHttpMethod ReferMethod { get; init; } = RcmlHttpMethod.Post;

    /// <inheritdoc/>
    public override string ElementName => "Dial";
}
