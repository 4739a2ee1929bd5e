using System.Globalization;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Media.Recording;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Outbound;

/// <summary>
/// Records a REST API call with <c>Record=true</c>: what the called party says, from its answer to the end
/// of the call, into the recording store (<c>RecordingSource=OutboundAPI</c>), trimmed when asked, and
/// reports it to the recording status callback. An empty recording is dropped (<c>absent</c>).
/// </summary>
internal sealed class OutboundCallRecorder(IRecordingStore store, ICallbackDispatcher dispatcher, TimeProvider time, IRecordingCatalog? catalog = null)
{
    /// <summary>Records <paramref name="call"/> per <paramref name="recording"/> until the call ends; completes once the recording is stored and reported.</summary>
    public async Task<StoredRecording?> RecordAsync(IOutboundCall call, OutboundRecording recording, CallAccount account)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(account);
        if (!(await call.Outcome).IsAnswered || call.Lifecycle.IsEnded)
        {
            return null;
        }

        var stored = store.Create(account.AccountSid, call.Info.CallSid);
        var started = time.GetUtcNow();
        var capture = call.StartRecording(stored.FilePath, recording.Dual);
        Notify(call, recording, account, stored, "in-progress", RecordingEvents.InProgress, 0, started);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, call.Lifecycle.Ended);
        }
        catch (OperationCanceledException)
        {
            // The call ended: so does its recording.
        }

        var result = await capture.StopAsync();
        await capture.DisposeAsync();
        if (recording.TrimSilence && result.Duration > TimeSpan.Zero
            && await WavSilenceTrimmer.TrimAsync(result.FilePath, SilenceDetector.DefaultThreshold, CancellationToken.None) is { } trimmed)
        {
            result = result with { Duration = trimmed };
        }

        if (result.Duration <= TimeSpan.Zero)
        {
            store.Delete(stored);
            Notify(call, recording, account, stored, "absent", RecordingEvents.Absent, 0, started);
            return null;
        }

        var seconds = (int)Math.Ceiling(result.Duration.TotalSeconds);
        await (catalog?.SaveAsync(RecordingRecord.Completed(stored, RecordingSources.OutboundApi, recording.Dual ? 2 : 1, started, seconds, time.GetUtcNow()), CancellationToken.None) ?? Task.CompletedTask);
        Notify(call, recording, account, stored, "completed", RecordingEvents.Completed, seconds, started);
        return stored;
    }

    private void Notify(IOutboundCall call, OutboundRecording recording, CallAccount account, StoredRecording stored, string status,
        RecordingEvents recordingEvent, int seconds, DateTimeOffset started)
    {
        if (recording.StatusCallback is not { } url || (recording.StatusCallbackEvents & recordingEvent) == 0)
        {
            return;
        }

        KeyValuePair<string, string>[] parameters =
        [
            new("AccountSid", account.AccountSid),
            new("CallSid", call.Info.CallSid),
            new("RecordingSid", stored.RecordingSid),
            new("RecordingUrl", stored.Url.OriginalString),
            new("RecordingStatus", status),
            new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
            new("RecordingChannels", recording.Dual ? "2" : "1"),
            new("RecordingSource", "OutboundAPI"),
            new("RecordingStartTime", Rfc2822Timestamp.Format(started)),
        ];
        var request = new WebhookRequest(url, recording.StatusCallbackMethod.ToWebhookMethod(), parameters, account.AuthToken);
        dispatcher.Enqueue(call.Info.CallSid, request);
    }
}
