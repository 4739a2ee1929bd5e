namespace RcmlEngine.Rcml.Ast;

/// <summary><c>&lt;Stream track&gt;</c>: which audio of the call a stream carries.</summary>
internal enum StreamTrack
{
    /// <summary><c>inbound_track</c>: what the caller says (the default).</summary>
    InboundTrack,

    /// <summary><c>outbound_track</c>: what the engine sends to the caller.</summary>
    OutboundTrack,

    /// <summary><c>both_tracks</c>: both, as separate <c>media</c> messages.</summary>
    BothTracks,
}
