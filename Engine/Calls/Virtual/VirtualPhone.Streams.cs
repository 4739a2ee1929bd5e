using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// Media streams on the virtual phone: it has no audio, so a stream gets no media messages (only its start,
/// keys and stop), and what a stream's server sends is taken and dropped, its marks echoed at once.
/// </summary>
internal sealed partial class VirtualPhone : IStreamableCall
{
    // Keys pressed, for the streams tapping the call.
    private event Action<char>? KeyPressed;

    /// <inheritdoc />
    public IDisposable TapMedia(IMediaStreamTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        ThrowUnlessAnswered(CancellationToken.None);
        Record(VirtualPhoneEventKind.Bridged, "audio streamed to a WebSocket server (the virtual phone sends none)");
        return new VirtualTap(this, tap);
    }

    /// <inheritdoc />
    public async Task PlayLiveAsync(LiveAudioQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ThrowUnlessAnswered(cancellationToken);
        using var operation = Link(cancellationToken);
        try
        {
            await queue.DiscardAsync(operation.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The call ended.
        }
    }

    private sealed class VirtualTap : IDisposable
    {
        private readonly VirtualPhone _phone;
        private readonly IMediaStreamTap _tap;

        public VirtualTap(VirtualPhone phone, IMediaStreamTap tap)
        {
            (_phone, _tap) = (phone, tap);
            _phone.KeyPressed += OnKey;
        }

        public void Dispose() => _phone.KeyPressed -= OnKey;

        private void OnKey(char key) => _tap.OnDigit(key);
    }
}
