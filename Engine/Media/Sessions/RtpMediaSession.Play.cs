namespace RcmlEngine.Media.Sessions;

/// <summary>Playing sources into the outgoing audio.</summary>
internal sealed partial class RtpMediaSession
{
    /// <inheritdoc />
    public async Task PlayAsync(IAudioSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await _outboundGate.WaitAsync(cancellationToken);
        var outbound = _rtp.Outbound;
        try
        {
            await AudioPump.PumpAsync(source, outbound, cancellationToken);
        }
        finally
        {
            // Whatever ended the play, nothing more of it may reach the caller.
            outbound.Clear();
            _outboundGate.Release();
        }
    }
}
