namespace RcmlEngine.Calls.Dialing;

/// <summary>News of an outbound leg before its answer.</summary>
internal enum DialProgress
{
    /// <summary>The callee's phone rings (SIP 180).</summary>
    Ringing,

    /// <summary>The callee sends audio before answering (SIP 183 with SDP): ringback or announcements flow.</summary>
    EarlyMedia,
}
