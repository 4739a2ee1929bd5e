using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Media.Recording;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Conferencing;

/// <summary>
/// <c>record="record-from-start"</c>: one mono WAV of the room's mix, from the moment it starts (two are in)
/// until it ends. Wait and hold music are never in the mix, so never in the recording. Trimmed when asked,
/// catalogued with the ConferenceSid, and reported to <c>recordingStatusCallback</c> in the room's order.
/// </summary>
internal sealed partial class ConferenceRoomRecorder(
    IRecordingStore recordings,
    ICallbackDispatcher dispatcher,
    TimeProvider time,
    ILogger<ConferenceRoomRecorder> logger,
    IRecordingCatalog? catalog = null)
{
    private readonly ConcurrentDictionary<string, byte> _recording = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="room"/> from its start, once however many participants ask.</summary>
    public void RecordFromStart(Conference room, ConferenceNoun noun, CallSession session)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (_recording.TryAdd(room.Sid, 0))
        {
            _ = Task.Run(() => RunAsync(room, noun, session));
        }
    }

    private async Task RunAsync(Conference room, ConferenceNoun noun, CallSession session)
    {
        try
        {
            try
            {
                await room.Started;
            }
            catch (OperationCanceledException)
            {
                return; // Ended without ever starting: nothing to record.
            }

            var stored = recordings.Create(session.Account.AccountSid, session.CallSid);
            var started = time.GetUtcNow();
            using var pair = new PairRecorder(stored.FilePath, dual: false, time, logger);
            var writing = pair.RunAsync(CancellationToken.None);
            room.Mixer.RecordTo(pair.First);
            await room.Ended;
            room.Mixer.RecordTo(null);
            pair.Stop();
            var result = await writing;
            await FinishAsync(room, noun, session, stored, result, started);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogRecordingFailed(room.FriendlyName, ex.Message);
        }
        finally
        {
            _recording.TryRemove(room.Sid, out _);
        }
    }

    private async Task FinishAsync(Conference room, ConferenceNoun noun, CallSession session, StoredRecording stored, RecordingResult result, DateTimeOffset started)
    {
        var duration = result.Duration;
        if (noun.Trim == RecordingTrim.TrimSilence && duration > TimeSpan.Zero
            && await WavSilenceTrimmer.TrimAsync(result.FilePath, SilenceDetector.DefaultThreshold, CancellationToken.None) is { } trimmed)
        {
            duration = trimmed;
        }

        if (duration <= TimeSpan.Zero)
        {
            recordings.Delete(stored);
            Notify(room, noun, session, stored, "absent", RecordingEvents.Absent, 0);
            return;
        }

        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        var record = RecordingRecord.Completed(stored, RecordingSources.Conference, 1, started, seconds, time.GetUtcNow()) with { ConferenceSid = room.Sid };
        await (catalog?.SaveAsync(record, CancellationToken.None) ?? Task.CompletedTask);
        Notify(room, noun, session, stored, "completed", RecordingEvents.Completed, seconds);
        LogRecorded(room.FriendlyName, stored.RecordingSid, seconds);
    }

    private void Notify(Conference room, ConferenceNoun noun, CallSession session, StoredRecording stored, string status, RecordingEvents recordingEvent, int seconds)
    {
        if (noun.RecordingStatusCallback is not { OriginalString.Length: > 0 } url || (noun.RecordingStatusCallbackEvent & recordingEvent) == 0)
        {
            return;
        }

        KeyValuePair<string, string>[] parameters =
        [
            new("AccountSid", session.Account.AccountSid),
            new("ConferenceSid", room.Sid),
            new("RecordingSid", stored.RecordingSid),
            new("RecordingUrl", stored.Url.OriginalString),
            new("RecordingStatus", status),
            new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("RecordingChannels", "1"),
            new("RecordingSource", RecordingSources.Conference),
            new("RecordingStartTime", Rfc2822Timestamp.Format(time.GetUtcNow() - TimeSpan.FromSeconds(seconds))),
        ];
        var request = new WebhookRequest(session.Resolve(url), noun.RecordingStatusCallbackMethod.ToWebhookMethod(), parameters, session.Account.AuthToken);
        dispatcher.Enqueue(room.Sid, request);
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 102, Level = LogLevel.Information, Message = "Conference {FriendlyName} recorded as {RecordingSid} ({Seconds} s)")]
    private partial void LogRecorded(string friendlyName, string recordingSid, int seconds);

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Execution + 103, Level = LogLevel.Warning, Message = "Conference {FriendlyName}: the recording failed: {Error}")]
    private partial void LogRecordingFailed(string friendlyName, string error);
}
