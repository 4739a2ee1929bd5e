namespace RcmlEngine.Streams;

/// <summary>What a queued outgoing message is.</summary>
internal enum StreamFrameKind : byte
{
    /// <summary>20 ms of audio of one track.</summary>
    Media,

    /// <summary>A key the caller pressed.</summary>
    Dtmf,

    /// <summary>A mark whose audio has played (or was cleared).</summary>
    Mark,

    /// <summary>The last message.</summary>
    Stop,
}
