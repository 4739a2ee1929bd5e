namespace RcmlEngine.Streams;

/// <summary>What a message from a stream's server asks.</summary>
internal enum ServerMessageKind : byte
{
    /// <summary>An event the engine does not act on (ignored, as Twilio does).</summary>
    Other,

    /// <summary><c>media</c>: audio to play to the caller.</summary>
    Media,

    /// <summary><c>mark</c>: echo this name once the audio queued before it has played.</summary>
    Mark,

    /// <summary><c>clear</c>: drop the queued audio (barge-in).</summary>
    Clear,
}
