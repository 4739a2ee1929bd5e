namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Record&gt;</c>: records the caller and posts the recording's URL to <c>action</c>.</summary>
internal sealed record RecordVerb : RcmlVerb
{
    /// <summary>Twilio's default <c>timeout</c> (silence that ends the recording).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Twilio's default <c>maxLength</c>.</summary>
    public static readonly TimeSpan DefaultMaxLength = TimeSpan.FromSeconds(3600);

    /// <summary>Twilio's default <c>finishOnKey</c>: any key.</summary>
    public const string DefaultFinishOnKey = "1234567890*#";

    /// <summary><c>action</c>: where the recording is posted; null means the current document's URL.</summary>
    public Uri? Action { get; init; }

    /// <summary><c>method</c> for <see cref="Action"/>.</summary>
    public RcmlHttpMethod Method { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>timeout</c>: silence that ends the recording; zero disables it.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary><c>finishOnKey</c>: any of these keys ends the recording; empty for none.</summary>
    public string FinishOnKey { get; init; } = DefaultFinishOnKey;

    /// <summary><c>maxLength</c> of the recording.</summary>
    public TimeSpan MaxLength { get; init; } = DefaultMaxLength;

    /// <summary><c>playBeep</c> before recording.</summary>
    public bool PlayBeep { get; init; } = true;

    /// <summary><c>trim</c>.</summary>
    public RecordingTrim Trim { get; init; } = RecordingTrim.TrimSilence;

    /// <summary><c>recordingStatusCallback</c>.</summary>
    public Uri? RecordingStatusCallback { get; init; }

    /// <summary><c>recordingStatusCallbackMethod</c>.</summary>
    public RcmlHttpMethod RecordingStatusCallbackMethod { get; init; } = RcmlHttpMethod.Post;

    /// <summary><c>recordingStatusCallbackEvent</c>.</summary>
    public RecordingEvents RecordingStatusCallbackEvent { get; init; } = RecordingEvents.Completed;

    /// <summary><c>transcribe</c>: request a transcription.</summary>
    public bool Transcribe { get; init; }

    /// <summary><c>transcribeCallback</c>: receives the transcription (implies <see cref="Transcribe"/>).</summary>
    public Uri? TranscribeCallback { get; init; }

    /// <inheritdoc/>
    public override string ElementName => "Record";
}
