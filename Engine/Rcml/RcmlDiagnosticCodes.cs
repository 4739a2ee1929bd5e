namespace RcmlEngine.Rcml;

/// <summary>
/// Every diagnostic code, in one place. Codes are stable: tools and tests may match on them; a retired
/// code is never reused. <c>RCML1xxx</c> concern the input itself, <c>RCML2xxx</c> the vocabulary (found
/// by the parser), <c>RCML3xxx</c> the meaning (found by the validator). docs/rcml-diagnostics.md explains
/// each with an example, and a test keeps that page and this class in step.
/// </summary>
internal static class RcmlDiagnosticCodes
{
    /// <summary>Error: the document is larger than the size cap.</summary>
    public const string DocumentTooLarge = "RCML1001";

    /// <summary>Error: the document has a DTD (<c>&lt;!DOCTYPE</c>); DTDs are never processed.</summary>
    public const string DtdProhibited = "RCML1002";

    /// <summary>Error: the document is not well-formed XML.</summary>
    public const string MalformedXml = "RCML1003";

    /// <summary>Error: an HTML page (often the application's error page) arrived where RCML was expected.</summary>
    public const string HtmlInsteadOfRcml = "RCML1004";

    /// <summary>Error: elements are nested deeper than the nesting cap.</summary>
    public const string NestingTooDeep = "RCML1005";

    /// <summary>Error: the document is empty or holds no element.</summary>
    public const string EmptyDocument = "RCML1006";

    /// <summary>Error: the root element is not <c>&lt;Response&gt;</c>.</summary>
    public const string RootNotResponse = "RCML1007";

    /// <summary>Warning: <c>schemas/rcml.xsd</c> rejects something the parser accepted.</summary>
    public const string SchemaViolation = "RCML1008";

    /// <summary>Error: an element that is not RCML.</summary>
    public const string UnknownElement = "RCML2001";

    /// <summary>Error: a messaging verb (<c>Sms</c>, <c>Message</c>) in a voice document.</summary>
    public const string MessagingVerb = "RCML2002";

    /// <summary>Error: a TwiML or Restcomm element the engine does not implement (<c>Connect</c>, <c>Pay</c>...).</summary>
    public const string UnsupportedElement = "RCML2003";

    /// <summary>Warning: an attribute the element does not have (often a misspelling); it is ignored.</summary>
    public const string UnknownAttribute = "RCML2004";

    /// <summary>Error: a known element in a place where it has no meaning (a noun outside <c>Dial</c>...).</summary>
    public const string MisplacedElement = "RCML2005";

    /// <summary>Error: an attribute value of the wrong kind (not a number, not one of the allowed words, not a URL).</summary>
    public const string InvalidAttributeValue = "RCML2006";

    /// <summary>Warning: text where the element takes none; it is ignored.</summary>
    public const string IgnoredText = "RCML2007";

    /// <summary>Warning: a value accepted in another letter case than the documented one (<c>get</c> for <c>GET</c>).</summary>
    public const string NonCanonicalValue = "RCML2008";

    /// <summary>Warning: a TwiML attribute the engine does not implement; it is ignored.</summary>
    public const string UnsupportedAttribute = "RCML2009";

    /// <summary>Error: an element's text is not what it must be (a URL, a SIP URI).</summary>
    public const string InvalidContent = "RCML2010";

    /// <summary>Warning: an element inside <c>&lt;Say&gt;</c> that is not SSML the synthesizer knows; its text is spoken.</summary>
    public const string UnknownSsmlElement = "RCML2011";

    /// <summary>Warning: a <c>&lt;Sip&gt;</c> URI written without its scheme (<c>kate@example.com</c>); it is read as <c>sip:</c>.</summary>
    public const string SipUriWithoutScheme = "RCML2012";

    /// <summary>Error: a <c>&lt;Sip&gt;</c> URI longer than 255 characters (headers excluded).</summary>
    public const string SipUriTooLong = "RCML3001";

    /// <summary>Error: the headers part of a <c>&lt;Sip&gt;</c> URI is longer than 1024 characters.</summary>
    public const string SipHeadersTooLong = "RCML3002";

    /// <summary>Warning: a SIP URI header that will not be sent (only <c>X-</c> headers and a few standard ones are).</summary>
    public const string SipHeaderNotAllowed = "RCML3003";

    /// <summary>Error: a verb nested in <c>&lt;Gather&gt;</c> other than <c>Say</c>, <c>Play</c>, <c>Pause</c>.</summary>
    public const string GatherNesting = "RCML3004";

    /// <summary>Error: a number outside its allowed range (<c>numDigits</c> below 1, <c>loop</c> below 0...).</summary>
    public const string ValueOutOfRange = "RCML3005";

    /// <summary>Error: keys or digits outside <c>0-9 * #</c> (and <c>w W</c> where pauses are allowed).</summary>
    public const string InvalidKeys = "RCML3006";

    /// <summary>Error: required content is missing (a Dial without target, a Redirect without URL...).</summary>
    public const string MissingContent = "RCML3007";

    /// <summary>Warning: a verb after one that always ends the document (Hangup, Reject, Redirect, Dial with action).</summary>
    public const string UnreachableVerb = "RCML3008";

    /// <summary>Error: content that contradicts itself (a Dial with a number and nouns, a Conference beside other nouns...).</summary>
    public const string ConflictingContent = "RCML3009";

    /// <summary>Error: an absolute URL whose scheme is not <c>http</c> or <c>https</c>.</summary>
    public const string UnsupportedUrlScheme = "RCML3010";

    /// <summary>Error: a phone number with characters other than digits, <c>+</c> and separators.</summary>
    public const string InvalidPhoneNumber = "RCML3011";

    /// <summary>Warning: a <c>&lt;Say&gt;</c> with nothing to say.</summary>
    public const string EmptySay = "RCML3012";

    /// <summary>Error: text longer than allowed (Say over 4096 characters, a queue name over 64).</summary>
    public const string TextTooLong = "RCML3013";

    /// <summary>Warning: an attribute that has no effect where it is (status events without a status callback...).</summary>
    public const string IneffectiveAttribute = "RCML3014";

    /// <summary>Warning: a Say voice the engine does not know; the default voice speaks instead.</summary>
    public const string UnknownVoice = "RCML3015";

    /// <summary>Error: a language that is not a BCP-47 tag.</summary>
    public const string InvalidLanguage = "RCML3016";

    /// <summary>Error: a <c>ringTone</c> that is not a known country code.</summary>
    public const string UnknownRingTone = "RCML3017";

    /// <summary>Error: more targets than allowed (over ten parties in a <c>&lt;Dial&gt;</c>, several in a <c>&lt;Refer&gt;</c>).</summary>
    public const string TooManyTargets = "RCML3018";

    /// <summary>Error: a SIP URI header whose name is not a token or whose value holds control characters (CR, LF).</summary>
    public const string InvalidSipHeader = "RCML3019";
}
