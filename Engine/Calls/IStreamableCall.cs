using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Calls;

/// <summary>
/// A call whose media a stream (<c>&lt;Start&gt;&lt;Stream&gt;</c>, <c>&lt;Connect&gt;&lt;Stream&gt;</c>) can tap and feed:
/// copies of what the caller says and hears and of the keys, and audio played to the caller.
/// </summary>
internal interface IStreamableCall : ICall
{
    /// <summary>
    /// Hands copies of the answered call's audio (both directions, decoded to 8 kHz) and keys to
    /// <paramref name="tap"/> until the returned handle is disposed. Throws
    /// <see cref="InvalidOperationException"/> when the call has no media yet.
    /// </summary>
    IDisposable TapMedia(IMediaStreamTap tap);

    /// <summary>
    /// Plays the audio <paramref name="queue"/> receives to the caller (paced like prompts) until the token is
    /// cancelled (throws <see cref="OperationCanceledException"/>) or the call ends (returns).
    /// </summary>
    Task PlayLiveAsync(LiveAudioQueue queue, CancellationToken cancellationToken);
}
