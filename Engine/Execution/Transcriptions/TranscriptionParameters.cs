using System.Globalization;
using System.Text;
using System.Text.Json;
using RcmlEngine.Media.Speech;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Execution.Transcriptions;

/// <summary>
/// The parameters of Twilio's Real-Time Transcription status callback for one <c>&lt;Start&gt;&lt;Transcription&gt;</c>:
/// <c>TranscriptionEvent</c> (transcription-started, transcription-content, transcription-stopped,
/// transcription-error), the call's and the transcription's ids, <c>Timestamp</c>, <c>SequenceId</c>, and for
/// content <c>TranscriptionData</c> (<c>{"transcript":"...","confidence":0.9}</c>), <c>Final</c> and <c>Track</c>.
/// </summary>
internal sealed class TranscriptionParameters
{
    /// <summary>The <c>ProviderName</c> the engine's offline recognizer reports.</summary>
    public const string Provider = "PocketSphinx";

    /// <summary>The track transcribed: the caller's audio.</summary>
    public const string InboundTrack = "inbound_track";

    /// <summary>Maps <paramref name="noun"/> on the call <paramref name="callSid"/> of <paramref name="accountSid"/>.</summary>
    public TranscriptionParameters(TranscriptionNoun noun, string accountSid, string callSid, string transcriptionSid)
    {
        ArgumentNullException.ThrowIfNull(noun);
        AccountSid = accountSid;
        CallSid = callSid;
        TranscriptionSid = transcriptionSid;
        LanguageCode = noun.LanguageCode;
        PartialResults = noun.PartialResults;
        Engine = noun.TranscriptionEngine;
    }

    /// <summary><c>AccountSid</c>.</summary>
    public string AccountSid { get; }

    /// <summary><c>CallSid</c>.</summary>
    public string CallSid { get; }

    /// <summary><c>TranscriptionSid</c> (<c>GT</c> + 32 hex).</summary>
    public string TranscriptionSid { get; }

    /// <summary><c>LanguageCode</c>, as the document asked.</summary>
    public string LanguageCode { get; }

    /// <summary><c>PartialResults</c>, as the document asked (only final results are sent).</summary>
    public bool PartialResults { get; }

    /// <summary><c>TranscriptionEngine</c>, as the document asked; null when absent.</summary>
    public string? Engine { get; }

    /// <summary>transcription-started.</summary>
    public List<KeyValuePair<string, string>> Started(int sequenceId, DateTimeOffset at)
    {
        var parameters = Common("transcription-started", sequenceId, at);
        parameters.Add(new("LanguageCode", LanguageCode));
        parameters.Add(new("PartialResults", PartialResults ? "true" : "false"));
        if (Engine is { Length: > 0 } engine)
        {
            parameters.Add(new("TranscriptionEngine", engine));
        }

        return parameters;
    }

    /// <summary>transcription-content for one recognized utterance of the caller.</summary>
    public List<KeyValuePair<string, string>> Content(int sequenceId, DateTimeOffset at, SpeechRecognition recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var parameters = Common("transcription-content", sequenceId, at);
        parameters.Add(new("LanguageCode", LanguageCode));
        parameters.Add(new("Track", InboundTrack));
        parameters.Add(new("TranscriptionData", Data(recognition.Text, recognition.Confidence)));
        parameters.Add(new("Final", "true"));
        return parameters;
    }

    /// <summary>transcription-stopped.</summary>
    public List<KeyValuePair<string, string>> Stopped(int sequenceId, DateTimeOffset at) => Common("transcription-stopped", sequenceId, at);

    /// <summary>transcription-error with <paramref name="error"/> and the engine's <paramref name="code"/>.</summary>
    public List<KeyValuePair<string, string>> Error(int sequenceId, DateTimeOffset at, string error, ExecutionErrorCode code)
    {
        var parameters = Common("transcription-error", sequenceId, at);
        parameters.Add(new("TranscriptionError", error));
        parameters.Add(new("TranscriptionErrorCode", ((int)code).ToString(CultureInfo.InvariantCulture)));
        return parameters;
    }

    /// <summary>The <c>TranscriptionData</c> JSON: <c>{"transcript":"...","confidence":0.9}</c>.</summary>
    public static string Data(string transcript, double confidence)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("transcript", transcript);
            json.WriteNumber("confidence", Math.Round(Math.Clamp(confidence, 0, 1), 4));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private List<KeyValuePair<string, string>> Common(string transcriptionEvent, int sequenceId, DateTimeOffset at) =>
    [
        new("AccountSid", AccountSid),
        new("CallSid", CallSid),
        new("TranscriptionSid", TranscriptionSid),
        new("Timestamp", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        new("TranscriptionEvent", transcriptionEvent),
        new("ProviderName", Provider),
        new("SequenceId", sequenceId.ToString(CultureInfo.InvariantCulture)),
    ];
}
