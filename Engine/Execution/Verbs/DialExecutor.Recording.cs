using System.Globalization;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Media.Recording;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Execution.Verbs;

/// <summary>Dial's <c>record</c>: the caller from ringing or answer, the winner from its answer; mono or dual; <c>trim</c>.</summary>
internal sealed partial class DialExecutor
{
    private (StoredRecording Stored, ICallRecording Recording) StartRecording(DialVerb verb, CallSession session, IBridgeableCall caller)
    {
        var stored = recordings.Create(session.Account.AccountSid, session.CallSid);
        var dual = verb.Record is DialRecording.RecordFromAnswerDual or DialRecording.RecordFromRingingDual;
        return (stored, caller.StartRecording(stored.FilePath, dual));
    }

    // The finished recording, or null when there was none or it is empty (dropped, as Twilio does).
    private async Task<RecordingResult?> StopRecordingAsync(DialVerb verb, CallSession session, StoredRecording? stored, ICallRecording? recording)
    {
        if (stored is null || recording is null)
        {
            return null;
        }

        var result = await recording.StopAsync();
        await recording.DisposeAsync();
        var started = time.GetUtcNow() - result.Duration;
        if (verb.Trim == RecordingTrim.TrimSilence && result.Duration > TimeSpan.Zero
            && await WavSilenceTrimmer.TrimAsync(result.FilePath, SilenceDetector.DefaultThreshold, CancellationToken.None) is { } trimmed)
        {
            // Before anything reports it: RecordingDuration and the file at RecordingUrl are the trimmed ones.
            result = result with { Duration = trimmed };
        }

        if (result.Duration <= TimeSpan.Zero)
        {
            recordings.Delete(stored);
            NotifyRecording(verb, session, stored, "absent", RecordingEvents.Absent, 0);
            return null;
        }

        var seconds = (int)Math.Ceiling(result.Duration.TotalSeconds);
        NotifyRecording(verb, session, stored, "completed", RecordingEvents.Completed, seconds);
        var channels = verb.Record is DialRecording.RecordFromAnswerDual or DialRecording.RecordFromRingingDual ? 2 : 1;
        await (catalog?.SaveAsync(RecordingRecord.Completed(stored, RecordingSources.DialVerb, channels, started, seconds, time.GetUtcNow()), CancellationToken.None) ?? Task.CompletedTask);
        return result;
    }

    private void NotifyRecording(DialVerb verb, CallSession session, StoredRecording stored, string status, RecordingEvents recordingEvent, int seconds)
    {
        if (verb.RecordingStatusCallback is not { OriginalString.Length: > 0 } url || (verb.RecordingStatusCallbackEvent & recordingEvent) == 0)
        {
            return;
        }

        var dual = verb.Record is DialRecording.RecordFromAnswerDual or DialRecording.RecordFromRingingDual;
        KeyValuePair<string, string>[] parameters =
        [
            new("AccountSid", session.Account.AccountSid),
            new("CallSid", session.CallSid),
            new("RecordingSid", stored.RecordingSid),
            new("RecordingUrl", stored.Url.OriginalString),
            new("RecordingStatus", status),
            new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("RecordingChannels", dual ? "2" : "1"),
            new("RecordingSource", "DialVerb"),
        ];
        var request = new WebhookRequest(session.Resolve(url), verb.RecordingStatusCallbackMethod.ToWebhookMethod(), parameters, session.Account.AuthToken);
        dispatcher.Enqueue(session.CallSid, request);
    }
}
