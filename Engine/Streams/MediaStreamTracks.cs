namespace RcmlEngine.Streams;

/// <summary>The tracks a stream sends, as <c>&lt;Stream track&gt;</c> asked.</summary>
[Flags]
internal enum MediaStreamTracks
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>inbound_track</c>.</summary>
    Inbound = 1,

    /// <summary><c>outbound_track</c>.</summary>
    Outbound = 2,

    /// <summary><c>both_tracks</c>.</summary>
    Both = Inbound | Outbound,
}
