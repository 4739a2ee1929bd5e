using System.Globalization;
using RcmlEngine.Api.Calls;
using RcmlEngine.Conferences;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Conferencing;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Api.Conferences;

/// <summary>
/// Reads <c>POST Conferences/{ConferenceSid}/Participants.json</c> into the call to place and the participant's
/// settings. The call's part is <c>POST Calls.json</c>'s (To, From, CallerId, Timeout, TimeLimit, SipAuth*,
/// StatusCallback*, Record and its recording parameters); the participant's part becomes the
/// <c>&lt;Conference&gt;</c> attributes of the document the call runs once answered (<see cref="ParticipantTwiml"/>).
/// EarlyMedia and CallerDisplayName are checked and not used: the engine's dialer sets no display name, and
/// a participant's call hears no early media before it joins.
/// </summary>
internal static class ParticipantCreateForm
{
    /// <summary>Twilio's longest participant label.</summary>
    public const int MaxLabelLength = 128;

    private static readonly string[] Beeps = ["true", "false", "onEnter", "onExit"];
    private static readonly string[] JitterSizes = ["large", "medium", "small", "off"];
    private static readonly string[] Trims = ["trim-silence", "do-not-trim"];
    private static readonly string[] Records = ["true", "false", "record-from-start", "do-not-record"];

    private static readonly (string Word, ConferenceEventFilter Filter)[] Events =
    [
        ("start", ConferenceEventFilter.Start), ("end", ConferenceEventFilter.End), ("join", ConferenceEventFilter.Join),
        ("leave", ConferenceEventFilter.Leave), ("mute", ConferenceEventFilter.Mute), ("hold", ConferenceEventFilter.Hold),
        ("modify", ConferenceEventFilter.Modify), ("speaker", ConferenceEventFilter.Speaker), ("announcement", ConferenceEventFilter.Announcement),
    ];

    /// <summary>The call and the settings, or null with the error recorded on <paramref name="reader"/>.</summary>
    public static (OutboundCallRequest Request, ParticipantSettings Settings)? Read(ApiFormReader reader, ApiAccount account, string friendlyName, Uri engineBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(account);
        var parties = OutboundCallForm.ReadParties(reader);
        var attributes = new List<(string Name, string Value)>();
        var label = LabelOf(reader);
        var settings = new ParticipantSettings
        {
            Label = label,
            Muted = reader.Boolean("Muted"),
            Beep = BeepOf(Word(reader, "Beep", Beeps) ?? "true"),
            StartConferenceOnEnter = reader.Boolean("StartConferenceOnEnter", fallback: true),
            EndConferenceOnExit = reader.Boolean("EndConferenceOnExit"),
            CallSidToCoach = CoachOf(reader),
            JitterSamples = JitterSamplesOf(Word(reader, "JitterBufferSize", JitterSizes) ?? "large"),
            MaxParticipants = reader.Integer("MaxParticipants", 2, Conference.MaxParticipantsLimit) ?? Conference.MaxParticipantsLimit,
            Callbacks = CallbacksOf(reader, account, attributes),
        };
        _ = reader.Boolean("EarlyMedia", fallback: true);
        _ = reader.Text("CallerDisplayName", 255);
        AddSettings(attributes, reader, settings);
        AddRecording(attributes, reader);
        var timeLimit = reader.Integer("TimeLimit", 1, OutboundCallForm.TimeLimit.Max);
        var application = new CallApplication
        {
            VoiceUrl = engineBaseUrl,
            VoiceTwiml = ParticipantTwiml.Of(friendlyName, attributes, timeLimit),
            StatusCallback = reader.Url("StatusCallback", ApiErrors.InvalidParameter),
            StatusCallbackMethod = reader.Method("StatusCallbackMethod"),
            StatusCallbackEvent = reader.Events("StatusCallbackEvent", CallProgressEvents.Completed),
            TimeLimit = TimeSpan.FromSeconds(timeLimit ?? OutboundCallForm.TimeLimit.Default),
        };
        var request = OutboundCallForm.Request(reader, account, parties, application, CallRecordingForm.Read(reader));
        return reader.Error is null ? (request, settings) : null;
    }

    private static string? LabelOf(ApiFormReader reader)
    {
        var label = reader.Text("Label", int.MaxValue);
        if (label is not null && (label.Length > MaxLabelLength || label.Contains('/', StringComparison.Ordinal) || ConferenceResources.IsCallSid(label)))
        {
            reader.Fail(ApiErrors.InvalidLabel, $"Label '{label}' is invalid: at most {MaxLabelLength} characters, not a CallSid, without '/'");
            return null;
        }

        return label;
    }

    private static string? CoachOf(ApiFormReader reader)
    {
        var coached = reader.Text("CallSidToCoach", 64);
        if (coached is not null && !ConferenceResources.IsCallSid(coached))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"CallSidToCoach '{coached}' is not a CallSid");
            return null;
        }

        var coaching = reader.Boolean("Coaching", fallback: coached is not null);
        if (coaching && coached is null)
        {
            reader.Fail(ApiErrors.InvalidParameter, "Coaching=true needs CallSidToCoach");
        }

        return coaching ? coached : null;
    }

    private static ConferenceCallbackTarget? CallbacksOf(ApiFormReader reader, ApiAccount account, List<(string Name, string Value)> attributes)
    {
        var url = reader.Url("ConferenceStatusCallback", ApiErrors.InvalidParameter);
        var method = reader.Method("ConferenceStatusCallbackMethod");
        var words = reader.Form.All("ConferenceStatusCallbackEvent").SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var filter = ConferenceEventFilter.None;
        foreach (var word in words)
        {
            var found = Array.Find(Events, e => e.Word == word);
            if (found.Word is null)
            {
                reader.Fail(ApiErrors.InvalidParameter, $"ConferenceStatusCallbackEvent '{word}' is not one of {string.Join(", ", Events.Select(e => e.Word))}");
            }

            filter |= found.Filter;
        }

        if (url is null)
        {
            return null;
        }

        attributes.Add(("statusCallback", url.OriginalString));
        attributes.Add(("statusCallbackMethod", MethodWord(method)));
        if (words.Count > 0)
        {
            attributes.Add(("statusCallbackEvent", string.Join(' ', words)));
        }

        var webhookMethod = method == RcmlHttpMethod.Get ? WebhookMethod.Get : WebhookMethod.Post;
        return new ConferenceCallbackTarget(url, webhookMethod, filter, account.Account.AuthToken ?? string.Empty);
    }

    private static void AddSettings(List<(string Name, string Value)> attributes, ApiFormReader reader, ParticipantSettings settings)
    {
        if (settings.Label is { } label)
        {
            attributes.Add(("participantLabel", label));
        }

        attributes.Add(("muted", Bool(settings.Muted)));
        attributes.Add(("beep", reader.Text("Beep") ?? "true"));
        attributes.Add(("startConferenceOnEnter", Bool(settings.StartConferenceOnEnter)));
        attributes.Add(("endConferenceOnExit", Bool(settings.EndConferenceOnExit)));
        attributes.Add(("maxParticipants", settings.MaxParticipants.ToString(CultureInfo.InvariantCulture)));
        if (reader.Form.Has("WaitUrl"))
        {
            // WaitUrl given empty asks for silence, as waitUrl="" does.
            attributes.Add(("waitUrl", reader.Url("WaitUrl", ApiErrors.InvalidParameter)?.OriginalString ?? string.Empty));
        }

        attributes.Add(("waitMethod", MethodWord(reader.Method("WaitMethod"))));
        if (settings.CallSidToCoach is { } coached)
        {
            attributes.Add(("coach", coached));
        }

        attributes.Add(("jitterBufferSize", reader.Text("JitterBufferSize") ?? "large"));
    }

    private static void AddRecording(List<(string Name, string Value)> attributes, ApiFormReader reader)
    {
        var record = Word(reader, "ConferenceRecord", Records) ?? "do-not-record";
        attributes.Add(("record", record is "true" or "record-from-start" ? "record-from-start" : "do-not-record"));
        attributes.Add(("trim", Word(reader, "ConferenceTrim", Trims) ?? "trim-silence"));
        if (reader.Url("ConferenceRecordingStatusCallback", ApiErrors.InvalidParameter) is { } url)
        {
            attributes.Add(("recordingStatusCallback", url.OriginalString));
            attributes.Add(("recordingStatusCallbackMethod", MethodWord(reader.Method("ConferenceRecordingStatusCallbackMethod"))));
            var events = reader.Form.All("ConferenceRecordingStatusCallbackEvent").SelectMany(v => v.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToList();
            var unknown = events.Find(e => e is not ("in-progress" or "completed" or "absent"));
            if (unknown is not null)
            {
                reader.Fail(ApiErrors.InvalidParameter, $"ConferenceRecordingStatusCallbackEvent '{unknown}' is not one of in-progress, completed, absent");
            }
            else if (events.Count > 0)
            {
                attributes.Add(("recordingStatusCallbackEvent", string.Join(' ', events)));
            }
        }
    }

    private static string? Word(ApiFormReader reader, string name, string[] allowed)
    {
        var text = reader.Text(name, 64);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"{name} must be one of {string.Join(", ", allowed)}, not '{text}'");
            return null;
        }

        return text;
    }

    private static ConferenceBeepWhen BeepOf(string word) => word switch
    {
        "false" => ConferenceBeepWhen.Never,
        "onEnter" => ConferenceBeepWhen.OnEnter,
        "onExit" => ConferenceBeepWhen.OnExit,
        _ => ConferenceBeepWhen.Always,
    };

    // The same depths as the <Conference jitterBufferSize> attribute.
    private static int JitterSamplesOf(string word) => ConferenceParticipantSettings.JitterSamplesOf(word switch
    {
        "off" => ConferenceJitterBuffer.Off,
        "small" => ConferenceJitterBuffer.Small,
        "medium" => ConferenceJitterBuffer.Medium,
        _ => ConferenceJitterBuffer.Large,
    });

    private static string Bool(bool value) => value ? "true" : "false";

    private static string MethodWord(RcmlHttpMethod method) => method == RcmlHttpMethod.Get ? "GET" : "POST";
}
