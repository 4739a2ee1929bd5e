namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Conference jitterBufferSize&gt;</c>: how much of a participant's late audio the mixer waits for.</summary>
internal enum ConferenceJitterBuffer
{
    /// <summary><c>large</c>, the default.</summary>
    Large,

    /// <summary><c>medium</c>.</summary>
    Medium,

    /// <summary><c>small</c>.</summary>
    Small,

    /// <summary><c>off</c>: mixed as it arrives.</summary>
    Off,
}
