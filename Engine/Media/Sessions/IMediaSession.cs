using System.Threading.Channels;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Media.Sessions;

/// <summary>
/// The audio of one call leg, as the interpreter drives it: play, collect digits, record, bridge,
/// mute. The real implementation is <see cref="RtpMediaSession"/> (RTP to a SIP peer); an in-process
/// virtual phone can implement it too. Operations that send audio (play, bridge) take turns.
/// </summary>
internal interface IMediaSession
{
    /// <summary>
    /// The caller's digits in order (RFC 4733 events and SIP INFO), buffered until read: a digit
    /// pressed during a prompt stays here for the next collection. Reading consumes it.
    /// </summary>
    ChannelReader<CallDigit> Digits { get; }

    /// <summary>Whether the caller's audio is withheld (replaced by silence) from bridges and recordings.</summary>
    bool Muted { get; set; }

    /// <summary>Completes when the media ends by itself (inactivity, transport failure) or the session stops.</summary>
    Task<MediaEndReason> Ended { get; }

    /// <summary>Drops digits not yet read (e.g. before a new Gather).</summary>
    void ClearDigits();

    /// <summary>
    /// Plays a source to the caller and completes once the last sample was sent, or at the first
    /// digit when <see cref="PlayOptions.StopOnDigit"/>. The caller disposes the source.
    /// Cancellation stops the audio at once and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<PlayOutcome> PlayAsync(IAudioSource source, PlayOptions options, CancellationToken cancellationToken);

    /// <summary>Collects digits: up to a count, a finish key, or a timeout (first and between digits).</summary>
    Task<DigitCollection> CollectDigitsAsync(DigitCollectOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Records the caller to a WAV file until silence, the maximum length, or a finish key.
    /// Cancellation (hang-up) ends the recording and still returns it, with <see cref="RecordingEnd.Cancelled"/>.
    /// </summary>
    Task<RecordingResult> RecordAsync(RecordOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Relays audio both ways with <paramref name="other"/> (transcoding between codecs) and passes
    /// digits through (as RFC 4733 events, or in band when the other leg has none) until either
    /// session's media ends (returns) or the token is cancelled (throws).
    /// </summary>
    Task BridgeAsync(IMediaSession other, CancellationToken cancellationToken);
}
