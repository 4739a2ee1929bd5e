using RcmlEngine.Media.Mixing;
using RcmlEngine.Media.Recording;
using RcmlEngine.Media.Streaming;

namespace RcmlEngine.Media.Sessions;

/// <summary>
/// The audio of one call leg: play, send digits, record, bridge, mute. The real implementation is
/// <see cref="RtpMediaSession"/> (RTP to a SIP peer). Digits are not kept here: each one is handed to
/// <see cref="DigitReceived"/>, and the call that owns the session buffers and interprets them (the
/// Gather and Record rules live in the call layer). Operations that send audio (play, bridge) take turns.
/// </summary>
internal interface IMediaSession
{
    /// <summary>
    /// Called once per key the caller pressed (RFC 4733 events, or SIP INFO handed in by the call
    /// layer), on a media or signalling thread: keep it short.
    /// </summary>
    Action<CallDigit>? DigitReceived { get; set; }

    /// <summary>Whether the caller's audio is withheld (replaced by silence) from bridges and recordings.</summary>
    bool Muted { get; set; }

    /// <summary>Completes when the media ends by itself (inactivity, transport failure) or the session stops.</summary>
    Task<MediaEndReason> Ended { get; }

    /// <summary>
    /// Plays a source to the caller and completes once the last sample was sent. The caller disposes
    /// the source. Cancellation stops the audio at once and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task PlayAsync(IAudioSource source, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one key to the far end as RFC 4733 events (in band when telephone-event was not
    /// negotiated) and completes once it was sent.
    /// </summary>
    Task SendDigitAsync(char digit, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Records the caller to a WAV file until silence or the maximum length. Cancellation (a hang-up,
    /// a finish key seen by the call) ends the recording and still returns it, with <see cref="RecordingEnd.Hangup"/>.
    /// </summary>
    Task<RecordingResult> RecordAsync(RecordOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a copy of the caller's received audio (decoded, 8 kHz, on the receive loop) to
    /// <paramref name="listener"/> (speech endpointing), or stops with null. Independent of recording and bridging.
    /// </summary>
    void ListenTo(IAudioTap? listener);

    /// <summary>
    /// Relays audio both ways with <paramref name="other"/> (transcoding between codecs) and passes
    /// digits through (as RFC 4733 events, or in band when the other leg has none) until either
    /// session's media ends (returns) or the token is cancelled (throws).
    /// </summary>
    Task BridgeAsync(IMediaSession other, CancellationToken cancellationToken);

    /// <summary>
    /// Connects this session to a conference room as <paramref name="participant"/>: what the caller says
    /// goes to the room's mixer, what the mixer makes for this participant goes to the caller, until
    /// the media ends (returns) or the token is cancelled (throws). Takes turns with play and bridge.
    /// </summary>
    Task MixAsync(MixParticipant participant, CancellationToken cancellationToken);

    /// <summary>Hands copies of the caller's audio, the audio sent to the caller, and the keys to <paramref name="tap"/>.</summary>
    void AddStreamTap(IMediaStreamTap tap);

    /// <summary>Stops handing media to <paramref name="tap"/>; does nothing when it was not added.</summary>
    void RemoveStreamTap(IMediaStreamTap tap);

    /// <summary>
    /// Plays what a stream's server sends (<paramref name="queue"/>) to the caller until the token is
    /// cancelled (throws <see cref="OperationCanceledException"/>). Takes turns with play, bridge and mix.
    /// </summary>
    Task PlayLiveAsync(LiveAudioQueue queue, CancellationToken cancellationToken);
}
