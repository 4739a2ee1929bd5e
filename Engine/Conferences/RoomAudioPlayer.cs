using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RcmlEngine.Media;
using RcmlEngine.Media.Tones;
using RcmlEngine.Rtp;

namespace RcmlEngine.Conferences;

/// <summary>
/// A room's own sounds, heard by everyone in the mix: the enter and exit beeps and announcements
/// (<c>AnnounceUrl</c>), played one after another into <see cref="Media.Mixing.ConferenceMixer.RoomAudio"/>
/// by one loop per room. Starts the room's mixer on the media clock. Never blocks the caller.
/// </summary>
internal sealed partial class RoomAudioPlayer(RtpPacer? pacer, IAnnouncementAudio? announcements, ILogger logger) : IDisposable
{
    private static readonly TimeSpan BeepStep = TimeSpan.FromMilliseconds(150);
    private readonly Channel<Sound> _queue = Channel.CreateBounded<Sound>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private int _running;
    private int _stopped;

    /// <summary>Starts mixing <paramref name="room"/> and playing its sounds.</summary>
    public void Start(Conference room)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (Volatile.Read(ref _stopped) == 0 && Interlocked.Exchange(ref _running, 1) == 0)
        {
            if (pacer is not null)
            {
                room.Mixer.Start(pacer);
            }

            var token = _stop.Token;
            _ = Task.Run(() => PlayAsync(room, token), CancellationToken.None);
        }
    }

    /// <summary>A rising (entering) or falling (leaving) two-note beep.</summary>
    public void Beep(Conference room, bool entering) => _queue.Writer.TryWrite(new Sound(null, entering));

    /// <summary>Queues an announcement.</summary>
    public void Announce(Conference room, Uri url, string method)
    {
        ArgumentNullException.ThrowIfNull(room);
        _queue.Writer.TryWrite(new Sound(url, false) { Method = method });
        Start(room);
    }

    /// <summary>Stops playing (the room ended).</summary>
    public void Stop(Conference room)
    {
        _ = room;
        Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _queue.Writer.TryComplete();
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private async Task PlayAsync(Conference room, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var sound in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await PlayOneAsync(room, sound, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The room ended.
        }
    }

    private async Task PlayOneAsync(Conference room, Sound sound, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = sound.Url is { } url
                ? await (announcements ?? throw new MediaException("no announcements in this mode")).OpenAsync(room, url, sound.Method, cancellationToken)
                : BeepSource(sound.Entering);
            await AudioPump.PumpAsync(source, room.Mixer.RoomAudio, cancellationToken);
            if (sound.Url is not null)
            {
                room.ReportAnnouncement(played: true, participant: null);
            }
        }
        catch (Exception ex) when (ex is MediaException or IOException or HttpRequestException)
        {
            LogAnnouncementFailed(room.FriendlyName, ex.Message);
            room.ReportAnnouncement(played: false, participant: null, ex.Message);
        }
    }

    private static ToneSource BeepSource(bool entering)
    {
        double[] notes = entering ? [660, 880] : [880, 660];
        return new ToneSource([new ToneSegment(BeepStep, [notes[0]], -16), new ToneSegment(BeepStep, [notes[1]], -16)]);
    }

    [LoggerMessage(EventId = ConferenceLogEvents.RoomAudio, Level = LogLevel.Warning, Message = "Conference {FriendlyName}: announcement failed: {Error}")]
    private partial void LogAnnouncementFailed(string friendlyName, string error);

    private sealed record Sound(Uri? Url, bool Entering)
    {
        public string Method { get; init; } = "POST";
    }
}
