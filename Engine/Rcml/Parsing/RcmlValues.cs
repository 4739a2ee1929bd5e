using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>The documented spellings of every enumerated attribute value.</summary>
internal static class RcmlValues
{
    public static readonly WordMap<RcmlHttpMethod> Methods = new(("GET", RcmlHttpMethod.Get), ("POST", RcmlHttpMethod.Post));

    public static readonly WordMap<Truth> Booleans = new(("true", Truth.True), ("false", Truth.False));

    public static readonly WordMap<GatherInput> GatherInputs = new(("dtmf", GatherInput.Dtmf), ("speech", GatherInput.Speech));

    public static readonly WordMap<RejectReason> RejectReasons = new(("rejected", RejectReason.Rejected), ("busy", RejectReason.Busy));

    public static readonly WordMap<StreamTrack> StreamTracks = new(
        ("inbound_track", StreamTrack.InboundTrack), ("outbound_track", StreamTrack.OutboundTrack), ("both_tracks", StreamTrack.BothTracks));

    public static readonly WordMap<RecordingTrim> Trims = new(("trim-silence", RecordingTrim.TrimSilence), ("do-not-trim", RecordingTrim.DoNotTrim));

    public static readonly WordMap<DialRecording> DialRecordings = new(
        ("do-not-record", DialRecording.DoNotRecord),
        ("record-from-answer", DialRecording.RecordFromAnswer),
        ("record-from-ringing", DialRecording.RecordFromRinging),
        ("record-from-answer-dual", DialRecording.RecordFromAnswerDual),
        ("record-from-ringing-dual", DialRecording.RecordFromRingingDual),
        ("true", DialRecording.RecordFromAnswer),
        ("false", DialRecording.DoNotRecord));

    public static readonly WordMap<ConferenceRecording> ConferenceRecordings = new(
        ("do-not-record", ConferenceRecording.DoNotRecord), ("record-from-start", ConferenceRecording.RecordFromStart));

    public static readonly WordMap<ConferenceBeep> Beeps = new(
        ("true", ConferenceBeep.Always), ("false", ConferenceBeep.Never), ("onEnter", ConferenceBeep.OnEnter), ("onExit", ConferenceBeep.OnExit));

    public static readonly WordMap<ConferenceJitterBuffer> JitterBufferSizes = new(
        ("large", ConferenceJitterBuffer.Large),
        ("medium", ConferenceJitterBuffer.Medium),
        ("small", ConferenceJitterBuffer.Small),
        ("off", ConferenceJitterBuffer.Off));

    public static readonly WordMap<CallProgressEvents> CallProgress = new(
        ("initiated", CallProgressEvents.Initiated),
        ("ringing", CallProgressEvents.Ringing),
        ("answered", CallProgressEvents.Answered),
        ("completed", CallProgressEvents.Completed));

    public static readonly WordMap<ConferenceEvents> Conference = new(
        ("start", ConferenceEvents.Start),
        ("end", ConferenceEvents.End),
        ("join", ConferenceEvents.Join),
        ("leave", ConferenceEvents.Leave),
        ("mute", ConferenceEvents.Mute),
        ("hold", ConferenceEvents.Hold),
        ("modify", ConferenceEvents.Modify),
        ("speaker", ConferenceEvents.Speaker),
        ("announcement", ConferenceEvents.Announcement));

    public static readonly WordMap<RecordingEvents> Recording = new(
        ("in-progress", RecordingEvents.InProgress), ("completed", RecordingEvents.Completed), ("absent", RecordingEvents.Absent));

    public static readonly WordMap<VideoMode> VideoModes = new(("mcu", VideoMode.Mcu), ("sfu", VideoMode.Sfu));

    public static readonly WordMap<VideoResolution> VideoResolutions = new(
        ("QCIF", VideoResolution.Qcif),
        ("CIF", VideoResolution.Cif),
        ("4CIF", VideoResolution.Cif4),
        ("16CIF", VideoResolution.Cif16),
        ("VGA", VideoResolution.Vga),
        ("720p", VideoResolution.Hd720));

    public static readonly WordMap<VideoLayout> VideoLayouts = new(("tile", VideoLayout.Tile), ("linear", VideoLayout.Linear));

    /// <summary>A boolean as a word map needs an enum.</summary>
    internal enum Truth
    {
        False,
        True,
    }
}
