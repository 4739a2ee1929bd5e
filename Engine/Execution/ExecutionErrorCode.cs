namespace RcmlEngine.Execution;

/// <summary>
/// Codes the interpreter reports (log and debugger). Below 64000 they are Twilio's, with Twilio's
/// meaning; from 64000 they are RcmlEngine's own, for conditions Twilio has no code for. Fetch failures
/// keep the Webhooks layer's codes (11200, 11205, 12300...).
/// </summary>
internal enum ExecutionErrorCode
{
    /// <summary>31920: a media stream's WebSocket server could not be reached, or refused the handshake.</summary>
    StreamConnectFailed = 31920,

    /// <summary>31924: a media stream's server broke the protocol (a malformed or oversized message), or the connection broke.</summary>
    StreamProtocolError = 31924,

    /// <summary>12100: the document is not valid RCML (not XML, not a <c>Response</c>, or invalid content).</summary>
    DocumentParseFailure = 12100,

    /// <summary>12200: the document runs, but has warnings (unknown attributes, ignored text...).</summary>
    SchemaValidationWarning = 12200,

    /// <summary>12400: an unexpected failure inside the engine while running a verb.</summary>
    InternalFailure = 12400,

    /// <summary>13801: <c>&lt;Refer&gt;</c> on a call that is not a SIP call (Twilio's "Refer not allowed on non-SIP call legs"); the next verb runs.</summary>
    ReferNotAllowed = 13801,

    /// <summary>13802: Dial: No referUrl attribute specified (a bridged phone sent REFER; it was declined, 603).</summary>
    DialReferUrlMissing = 13802,

    /// <summary>64001: a verb or noun the engine does not execute yet (Connect ConversationRelay, Start Recording...); it is skipped.</summary>
    VerbNotSupported = 64001,

    /// <summary>
    /// 64002: <c>Gather input="speech"</c> or <c>&lt;Start&gt;&lt;Transcription&gt;</c> could not recognize (no model for
    /// the language, the recognizer busy or failing, a call that cannot listen, partial results or a track not
    /// transcribed); the speech counts as no input.
    /// </summary>
    SpeechNotRecognized = 64002,

    /// <summary>64003: the call fetched <see cref="ExecutionOptions.MaxDocumentsPerCall"/> documents.</summary>
    DocumentLimitReached = 64003,

    /// <summary>64004: the call ran <see cref="ExecutionOptions.MaxVerbsPerCall"/> verbs.</summary>
    VerbLimitReached = 64004,

    /// <summary>64005: the call lasted <see cref="ExecutionOptions.MaxCallDuration"/>.</summary>
    CallDurationLimitReached = 64005,

    /// <summary>64006: a verb lacks what it needs (a Redirect without URL, a Play with nothing to play); it is skipped.</summary>
    VerbMissingContent = 64006,

    /// <summary>64007: a prompt could not be played (the media layer's reason is in the message).</summary>
    PromptFailed = 64007,

    /// <summary>
    /// 64008: <c>Record transcribe</c> not transcribed: no <c>transcribeCallback</c> (no Transcriptions resource yet),
    /// or a call with no real audio (the virtual phone).
    /// </summary>
    TranscriptionNotDelivered = 64008,

    /// <summary>64009: a Dial party could not be called (no trunk for the number, an unsupported transport, a client not registered), or a Refer target cannot be referred to.</summary>
    DialTargetUnavailable = 64009,

    /// <summary>64010: the call cannot be connected to another (no dialer in this mode, or a call that cannot be bridged); the Dial is skipped.</summary>
    DialNotPossible = 64010,

    /// <summary>64011: a verb that a screening document (the called party's <c>url</c>) cannot run; it is skipped.</summary>
    ScreeningVerbNotAllowed = 64011,

    /// <summary>A call could not join a conference (full, label taken, the room ended meanwhile); its document goes on.</summary>
    ConferenceJoinRefused = 64012,

    /// <summary>A conference's wait or hold document used a verb other than Play, Say, Pause or Redirect; it was skipped.</summary>
    WaitVerbNotAllowed = 64013,
}
