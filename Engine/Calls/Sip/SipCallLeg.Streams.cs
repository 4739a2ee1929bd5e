using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Calls.Sip;

/// <summary>Media streams: taps on the media session, and live audio from a stream's server.</summary>
internal abstract partial class SipCallLeg : IStreamableCall
{
    /// <inheritdoc />
    public IDisposable TapMedia(IMediaStreamTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        ThrowUnlessAnswered(CancellationToken.None);
        Media.AddStreamTap(tap);
        return new StreamTapHandle(Media, tap);
    }

    /// <inheritdoc />
    public async Task PlayLiveAsync(LiveAudioQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ThrowUnlessAnswered(cancellationToken);
        using var operation = Link(cancellationToken);
        try
        {
            await Media.PlayLiveAsync(queue, operation.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call ended.
        }
    }

    private sealed class StreamTapHandle(Media.Sessions.RtpMediaSession media, IMediaStreamTap tap) : IDisposable
    {
        public void Dispose() => media.RemoveStreamTap(tap);
    }
}
