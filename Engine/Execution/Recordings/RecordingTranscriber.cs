using Microsoft.Extensions.Logging;
using RcmlEngine.Media;
using RcmlEngine.Media.Speech;
using RcmlEngine.Media.Wav;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Execution.Recordings;

/// <summary>
/// <c>&lt;Record transcribe="true" transcribeCallback&gt;</c>: after the recording, recognizes it off the
/// call's path (the call goes on at once) through the <see cref="SpeechRecognitionQueue"/>, then posts
/// Twilio's transcription parameters to the callback, in the call's callback order. Like Twilio, only
/// recordings up to <see cref="MaxDuration"/> are transcribed; a longer one, or one the recognizer
/// cannot read, is reported <c>failed</c>.
/// </summary>
internal sealed partial class RecordingTranscriber(
    ICallbackDispatcher dispatcher, ILogger<RecordingTranscriber> logger, SpeechRecognitionQueue? recognition = null)
{
    /// <summary>Twilio transcribes recordings of up to two minutes.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);

    /// <summary>The language recordings are transcribed in (Twilio: US English only).</summary>
    public const string Language = "en-US";

    /// <summary>Starts transcribing <paramref name="recording"/> for <paramref name="callback"/>; returns the running task (not to be awaited by the call).</summary>
    public Task StartAsync(StoredRecording recording, Uri callback, string? authToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(callback);
        return Task.Run(() => TranscribeAsync(recording, callback, authToken));
    }

    /// <summary>Twilio's TranscriptionUrl beside the recording's: <c>.../Accounts/AC.../Transcriptions/TR...</c>.</summary>
    public static Uri TranscriptionUrl(StoredRecording recording, string transcriptionSid)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new Uri(recording.Url, "../Transcriptions/" + transcriptionSid);
    }

    private async Task TranscribeAsync(StoredRecording recording, Uri callback, string? authToken)
    {
        var sid = Calls.TwilioSid.New("TR");
        SpeechRecognition result;
        try
        {
            var samples = await ReadSamplesAsync(recording.FilePath);
            result = samples is null
                ? SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed, $"the recording is longer than {MaxDuration.TotalMinutes:0} minutes")
                : recognition is null
                    ? SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed, "no speech recognizer is configured")
                    : await recognition.RecognizeAsync(new SpeechRecognitionRequest(samples, Language, []), CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or MediaException or UnauthorizedAccessException)
        {
            result = SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed, exception.Message);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: nothing is posted.
            return;
        }

        var completed = result.HasText;
        var status = completed ? "completed" : "failed";
        LogTranscribed(recording.RecordingSid, status, result.Status);
        KeyValuePair<string, string>[] parameters =
        [
            new("TranscriptionSid", sid),
            new("TranscriptionText", result.Text),
            new("TranscriptionStatus", status),
            new("TranscriptionUrl", TranscriptionUrl(recording, sid).OriginalString),
            new("RecordingSid", recording.RecordingSid),
            new("RecordingUrl", recording.Url.OriginalString),
            new("AccountSid", recording.AccountSid),
            new("CallSid", recording.CallSid),
        ];
        dispatcher.Enqueue(recording.CallSid, new WebhookRequest(callback, WebhookMethod.Post, parameters, authToken));
    }

    // Null when the recording is too long to transcribe.
    private static async Task<short[]?> ReadSamplesAsync(string path)
    {
        await using var source = await WavAudioSource.OpenAsync(File.OpenRead(path), path, CancellationToken.None);
        var max = (int)(MaxDuration.TotalSeconds * SpeechRecognitionRequest.SampleRate);
        var samples = new short[max + 1];
        var length = 0;
        int read;
        while (length < samples.Length && (read = await source.ReadAsync(samples.AsMemory(length), CancellationToken.None)) > 0)
        {
            length += read;
        }

        return length > max ? null : samples[..length];
    }
}
