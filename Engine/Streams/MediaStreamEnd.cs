namespace RcmlEngine.Streams;

/// <summary>How a stream ended.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Error">What went wrong, for <see cref="MediaStreamEndReason.Failed"/>.</param>
internal sealed record MediaStreamEnd(MediaStreamEndReason Reason, string? Error = null);
