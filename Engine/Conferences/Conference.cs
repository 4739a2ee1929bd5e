using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Media.Mixing;

namespace RcmlEngine.Conferences;

/// <summary>
/// A conference room: its participants, its status (init until two are in and one of them starts it,
/// in-progress, completed), its mixer, and its events, reported in order to the status callback its
/// first participant named. All changes happen under <see cref="Sync"/>; the participants' calls follow
/// them through <see cref="ConferenceParticipant.Changed"/>.
/// </summary>
internal sealed partial class Conference
{
    /// <summary>Twilio's default and highest <c>maxParticipants</c>.</summary>
    public const int MaxParticipantsLimit = 250;

    private readonly List<ConferenceParticipant> _participants = [];
    private readonly ConferenceEventReporter _reporter;
    private readonly RoomAudioPlayer _roomAudio;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    /// <summary>Creates a room (status init).</summary>
    public Conference(string accountSid, string friendlyName, int maxParticipants, ConferenceEventReporter reporter, RoomAudioPlayer roomAudio, TimeProvider time, ILogger logger)
    {
        Sid = TwilioSid.New(ConferencePrefix);
        AccountSid = accountSid;
        FriendlyName = friendlyName;
        MaxParticipants = Math.Clamp(maxParticipants, 2, MaxParticipantsLimit);
        _reporter = reporter;
        _time = time;
        _logger = logger;
        DateCreated = time.GetUtcNow();
        DateUpdated = DateCreated;
        Mixer.SpeakingChanged = OnSpeakingChanged;
        _roomAudio = roomAudio;
    }

    /// <summary>The prefix of a conference's sid.</summary>
    public const string ConferencePrefix = "CF";

    /// <summary>The lock every change of the room and its participants takes.</summary>
    internal Lock Sync { get; } = new();

    /// <summary>CF + 32 hex digits.</summary>
    public string Sid { get; }

    /// <summary>The account it belongs to.</summary>
    public string AccountSid { get; }

    /// <summary>The room's name (the <c>&lt;Conference&gt;</c> text).</summary>
    public string FriendlyName { get; }

    /// <summary>The most participants it takes.</summary>
    public int MaxParticipants { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset DateCreated { get; }

    /// <summary>When it last changed status.</summary>
    public DateTimeOffset DateUpdated { get; private set; }

    /// <summary>Its status.</summary>
    public ConferenceStatus Status { get; private set; }

    /// <summary>Why it ended (Twilio's <c>ReasonConferenceEnded</c>), once it has.</summary>
    public string? ReasonEnded { get; private set; }

    /// <summary>The call whose leaving ended it, once it has.</summary>
    public string? CallSidEndingConference { get; private set; }

    /// <summary>Where its events go; set by the first participant that names a status callback.</summary>
    public ConferenceCallbackTarget? Callbacks { get; private set; }

    /// <summary>The room's audio.</summary>
    public ConferenceMixer Mixer { get; } = new();

    /// <summary>Completes when the room starts.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when the room ends.</summary>
    public Task Ended => _ended.Task;

    /// <summary>The participants in the room now, and those added through the API on their way in.</summary>
    public IReadOnlyList<ConferenceParticipant> Participants
    {
        get
        {
            lock (Sync)
            {
                return [.. _participants];
            }
        }
    }

    /// <summary>Participants connected now.</summary>
    public int ConnectedCount
    {
        get
        {
            lock (Sync)
            {
                return _participants.Count(p => p.Status == ParticipantStatus.Connected);
            }
        }
    }

    /// <summary>The participant with this CallSid or label, if it is in the room (or on its way).</summary>
    public ConferenceParticipant? Find(string callSidOrLabel)
    {
        lock (Sync)
        {
            return _participants.Find(p => p.CallSid == callSidOrLabel) ?? _participants.Find(p => p.Label == callSidOrLabel);
        }
    }

    /// <summary>The next SequenceNumber of the room's events (under the lock).</summary>
    internal long NextSequence() => _sequence++;

    private DateTimeOffset Touch(ConferenceParticipant? participant = null)
    {
        var now = _time.GetUtcNow();
        if (participant is not null)
        {
            participant.DateUpdated = now;
        }

        return now;
    }
}
