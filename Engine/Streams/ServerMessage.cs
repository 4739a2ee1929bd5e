namespace RcmlEngine.Streams;

/// <summary>A message read from a stream's server.</summary>
/// <param name="Kind">What it asks.</param>
/// <param name="PayloadLength">For media: how many mu-law bytes were decoded into the caller's buffer.</param>
/// <param name="MarkName">For a mark: its name.</param>
internal readonly record struct ServerMessage(ServerMessageKind Kind, int PayloadLength, string? MarkName);
