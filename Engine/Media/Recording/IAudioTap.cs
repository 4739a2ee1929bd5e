namespace RcmlEngine.Media.Recording;

/// <summary>
/// Takes a copy of a session's received audio (decoded, 8 kHz), for a recorder. Called on the receive
/// loop: must return quickly and never block.
/// </summary>
internal interface IAudioTap
{
    /// <summary>The next samples; valid only during the call.</summary>
    void OnAudio(ReadOnlySpan<short> samples);
}
