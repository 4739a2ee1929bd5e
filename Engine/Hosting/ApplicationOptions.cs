namespace RcmlEngine.Hosting;

/// <summary>
/// An application (<c>Applications:N</c>): which calls it takes (a Request-URI user, or a number pattern)
/// and Twilio's voice settings of a phone number.
/// </summary>
internal sealed class ApplicationOptions
{
    /// <summary>A name for logs. Default: the user or the pattern.</summary>
    public string? Name { get; set; }

    /// <summary>Takes calls whose Request-URI user is exactly this (<c>sip:ivr@host</c>: <c>ivr</c>).</summary>
    public string? User { get; set; }

    /// <summary>Takes calls whose Request-URI user matches this regular expression entirely (<c>\+1555\d{7}</c>).</summary>
    public string? NumberPattern { get; set; }

    /// <summary>The owning account; may be left out when there is one account (or none).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The first document's URL (absolute http or https). Required.</summary>
    public Uri? VoiceUrl { get; set; }

    /// <summary><c>GET</c> or <c>POST</c>. Default <c>POST</c>.</summary>
    public string VoiceMethod { get; set; } = "POST";

    /// <summary>Requested when a document fails (unreachable, error status, invalid RCML). None by default.</summary>
    public Uri? VoiceFallbackUrl { get; set; }

    /// <summary><c>GET</c> or <c>POST</c>. Default <c>POST</c>.</summary>
    public string VoiceFallbackMethod { get; set; } = "POST";

    /// <summary>Receives the call's status callbacks. None by default.</summary>
    public Uri? StatusCallback { get; set; }

    /// <summary><c>GET</c> or <c>POST</c>. Default <c>POST</c>.</summary>
    public string StatusCallbackMethod { get; set; } = "POST";

    /// <summary>
    /// Which events are sent: <c>initiated ringing answered completed</c>, separated by spaces or commas.
    /// Default <c>completed</c>.
    /// </summary>
    public string StatusCallbackEvent { get; set; } = "completed";
}
