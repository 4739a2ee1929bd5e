using System.Collections.Frozen;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// Names the parser recognises beyond the schema: what kind of thing an element is, and the TwiML and
/// Restcomm elements and attributes the engine knowingly leaves out (so that they get a precise message
/// rather than "unknown").
/// </summary>
internal static class RcmlVocabulary
{
    /// <summary>The verbs a <c>&lt;Response&gt;</c> may hold.</summary>
    public static readonly FrozenSet<string> Verbs = FrozenSet.ToFrozenSet(
        ["Say", "Play", "Pause", "Gather", "Record", "Dial", "Redirect", "Hangup", "Reject", "Enqueue", "Leave", "Refer", "Start", "Stop", "Connect"],
        StringComparer.Ordinal);

    /// <summary>The nouns of <c>&lt;Dial&gt;</c> (and <c>&lt;Sip&gt;</c> of <c>&lt;Refer&gt;</c>).</summary>
    public static readonly FrozenSet<string> DialNouns = FrozenSet.ToFrozenSet(
        ["Number", "Sip", "Client", "Conference", "Queue"], StringComparer.Ordinal);

    /// <summary>The nouns of <c>&lt;Start&gt;</c>, <c>&lt;Stop&gt;</c> and <c>&lt;Connect&gt;</c> the engine reads.</summary>
    public static readonly FrozenSet<string> StreamNouns = FrozenSet.ToFrozenSet(["Stream", "Transcription", "Recording"], StringComparer.Ordinal);

    /// <summary>
    /// Nouns of <c>&lt;Connect&gt;</c> for Twilio services RcmlEngine does not offer, with the product: parsed, and
    /// reported as not supported (64001) when they run.
    /// </summary>
    public static readonly FrozenDictionary<string, string> ForeignConnectNouns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ConversationRelay"] = "Twilio ConversationRelay",
        ["Room"] = "Twilio Video rooms",
        ["VirtualAgent"] = "Twilio virtual agents (Dialogflow)",
        ["Autopilot"] = "Twilio Autopilot",
        ["AiSession"] = "Twilio AI sessions",
        ["Assistant"] = "Twilio AI Assistants",
        ["Conversation"] = "Twilio Conversations",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Elements that only appear inside a noun.</summary>
    public static readonly FrozenSet<string> InnerElements = FrozenSet.ToFrozenSet(
        ["Video", "Identity", "Parameter"], StringComparer.Ordinal);

    /// <summary>Messaging verbs: meaningful in a messaging response, never in a voice call.</summary>
    public static readonly FrozenSet<string> MessagingVerbs = FrozenSet.ToFrozenSet(["Sms", "Message"], StringComparer.Ordinal);

    /// <summary>SSML elements a <c>&lt;Say&gt;</c> may hold (Twilio's list).</summary>
    public static readonly FrozenSet<string> SsmlElements = FrozenSet.ToFrozenSet(
        ["break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub", "w", "amazon:effect", "amazon:domain"],
        StringComparer.Ordinal);

    /// <summary>TwiML and Restcomm elements the engine does not implement, with what they belong to.</summary>
    public static readonly FrozenDictionary<string, string> UnsupportedElements = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Siprec"] = "TwiML SIPREC",
        ["Pay"] = "Twilio payments",
        ["Prompt"] = "Twilio payments",
        ["Echo"] = "Twilio's echo test",
        ["Sim"] = "Twilio Programmable Wireless",
        ["Task"] = "Twilio TaskRouter",
        ["Application"] = "TwiML Apps",
        ["Uri"] = "Restcomm's deprecated noun (use <Sip>)",
        ["Fax"] = "Restcomm fax",
        ["Email"] = "Restcomm e-mail",
        ["UssdCollect"] = "Restcomm USSD",
        ["UssdMessage"] = "Restcomm USSD",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Why an unsupported element will stay so, for those where the reason helps the author more than the name.</summary>
    public static readonly FrozenDictionary<string, string> UnsupportedReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Pay"] = PaymentsReason,
        ["Prompt"] = PaymentsReason,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Documented TwiML attributes the engine ignores, per element.</summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> UnsupportedAttributes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Gather"] = ["speechModel", "enhanced", "bargeIn", "debug", "maxSpeechTime"],
        ["Record"] = ["storageUrl", "storageUrlMethod", "recordingChannels"],
        ["Dial"] = ["recordingTrack", "sequential", "referUrl", "referMethod", "events", "callReason"],
        ["Number"] = AnsweringMachineDetection("byoc"),
        ["Sip"] = AnsweringMachineDetection(),
        ["Conference"] = ["region", "eventCallbackUrl"],
        ["Queue"] = ["reservationSid", "postWorkActivitySid"],
        ["Enqueue"] = ["workflowSid"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private const string PaymentsReason =
        "it hands card digits to Twilio's PCI-compliant payment connectors (Stripe, Braintree...), which a self-hosted engine does not have; "
        + "take payments with your payment provider's own IVR (<Dial> or <Refer> the caller to it) so card data never reaches RcmlEngine or your application";

    /// <summary>True for any element name the engine's vocabulary defines (a verb, noun or inner element).</summary>
    public static bool IsKnown(string name) =>
        Verbs.Contains(name) || DialNouns.Contains(name) || StreamNouns.Contains(name) || ForeignConnectNouns.ContainsKey(name) || InnerElements.Contains(name) || name == "Response";

    private static string[] AnsweringMachineDetection(params string[] more) =>
    [
        .. more, "machineDetection", "machineDetectionTimeout", "machineDetectionSpeechThreshold",
        "machineDetectionSpeechEndThreshold", "machineDetectionSilenceTimeout", "amdStatusCallback", "amdStatusCallbackMethod",
    ];
}
