using Microsoft.Extensions.Logging;
using RcmlEngine.Rtp;

namespace RcmlEngine.Conferences;

/// <summary>
/// The rooms of this node: the ones in progress by account and friendly name (a name joins the same room
/// until it ends), and the most recent ended ones for the API. One place to look rooms up, which the
/// multi-node work can move behind a shared store.
/// </summary>
internal sealed class ConferenceRegistry(
    ConferenceEventReporter reporter, TimeProvider time, ILoggerFactory loggers, RtpPacer? pacer = null, IAnnouncementAudio? announcements = null)
{
    /// <summary>How many ended rooms are remembered for the API.</summary>
    public const int RecentLimit = 1000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Account, string Name), Conference> _active = [];
    private readonly LinkedList<Conference> _recent = [];
    private readonly ILogger _logger = loggers.CreateLogger<Conference>();

    /// <summary>The room of <paramref name="friendlyName"/> in progress, or a new one (whose capacity the creator sets).</summary>
    public Conference GetOrCreate(string accountSid, string friendlyName, int maxParticipants = Conference.MaxParticipantsLimit)
    {
        lock (_lock)
        {
            var key = (accountSid, friendlyName);
            if (_active.TryGetValue(key, out var room) && room.Status != ConferenceStatus.Completed)
            {
                return room;
            }

            room = new Conference(accountSid, friendlyName, maxParticipants, reporter, new RoomAudioPlayer(pacer, announcements, _logger), time, _logger);
            _active[key] = room;
            _ = room.Ended.ContinueWith(_ => Retire(key, room), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return room;
        }
    }

    /// <summary>The room in progress named <paramref name="friendlyName"/>, if any.</summary>
    public Conference? FindActive(string accountSid, string friendlyName)
    {
        lock (_lock)
        {
            return _active.TryGetValue((accountSid, friendlyName), out var room) ? room : null;
        }
    }

    /// <summary>A room by sid (in progress or recently ended), or by friendly name (in progress).</summary>
    public Conference? Find(string accountSid, string sidOrName)
    {
        lock (_lock)
        {
            return _active.Values.FirstOrDefault(r => r.AccountSid == accountSid && r.Sid == sidOrName)
                ?? _recent.FirstOrDefault(r => r.AccountSid == accountSid && r.Sid == sidOrName)
                ?? (_active.TryGetValue((accountSid, sidOrName), out var named) ? named : null);
        }
    }

    /// <summary>The account's rooms, newest first: in progress and recently ended.</summary>
    public IReadOnlyList<Conference> List(string accountSid)
    {
        lock (_lock)
        {
            return [.. _active.Values.Concat(_recent).Where(r => r.AccountSid == accountSid).Distinct().OrderByDescending(r => r.DateCreated)];
        }
    }

    /// <summary>Every account's rooms in progress on this node (metrics, the console).</summary>
    public IReadOnlyList<Conference> ListActive()
    {
        lock (_lock)
        {
            return [.. _active.Values];
        }
    }

    /// <summary>Rooms in progress on this node.</summary>
    public int ActiveCount
    {
        get
        {
            lock (_lock)
            {
                return _active.Count;
            }
        }
    }

    private void Retire((string, string) key, Conference room)
    {
        lock (_lock)
        {
            if (_active.TryGetValue(key, out var current) && ReferenceEquals(current, room))
            {
                _active.Remove(key);
            }

            _recent.AddFirst(room);
            while (_recent.Count > RecentLimit)
            {
                _recent.RemoveLast();
            }
        }
    }
}
