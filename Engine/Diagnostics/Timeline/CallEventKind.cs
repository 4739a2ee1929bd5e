namespace RcmlEngine.Diagnostics.Timeline;

/// <summary>What a <see cref="CallEvent"/> tells of.</summary>
internal enum CallEventKind
{
    /// <summary>A SIP message received.</summary>
    SipIn,

    /// <summary>A SIP message sent.</summary>
    SipOut,

    /// <summary>An RCML document fetched (or its fetch failed).</summary>
    Document,

    /// <summary>A verb started, or what it ended with.</summary>
    Verb,

    /// <summary>Keys or speech the caller gave.</summary>
    Input,

    /// <summary>A callback (status, action...) delivered or failed.</summary>
    Webhook,

    /// <summary>The call's status changed.</summary>
    Status,
}
