namespace RcmlEngine.Rtp;

/// <summary>
/// Takes the audio a session receives, decoded to 8 kHz 16-bit samples, in order, with short gaps
/// (lost packets) filled with silence. Called on the receive loop: must return quickly and not block.
/// </summary>
internal interface IRtpAudioReceiver
{
    /// <summary>Handles the next samples; the span is valid only during the call.</summary>
    void OnAudio(ReadOnlySpan<short> samples);
}
