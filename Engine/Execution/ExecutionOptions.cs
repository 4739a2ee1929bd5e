namespace RcmlEngine.Execution;

/// <summary>Limits and texts of the interpreter (configuration section <c>Limits</c> and friends).</summary>
internal sealed class ExecutionOptions
{
    /// <summary>Documents fetched per call (fallbacks included) before the call is ended: stops redirect loops. Default 1,000.</summary>
    public int MaxDocumentsPerCall { get; set; } = 1_000;

    /// <summary>Verbs run per call before the call is ended. Default 10,000.</summary>
    public int MaxVerbsPerCall { get; set; } = 10_000;

    /// <summary>Longest call; then it is hung up. Default 4 hours (Twilio's longest call).</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a <c>&lt;Refer&gt;</c> follows the transfer after its REFER was accepted. Default 60 s.</summary>
    public TimeSpan ReferNotifyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What the caller hears when neither the application nor its fallback gives a usable document.</summary>
    public string ApologyText { get; set; } = "Sorry, this application is not available right now. Goodbye.";

    /// <summary>The voice of <see cref="ApologyText"/>. Default <c>woman</c>.</summary>
    public string ApologyVoice { get; set; } = "woman";

    /// <summary>The language of <see cref="ApologyText"/>. Default <c>en</c>.</summary>
    public string ApologyLanguage { get; set; } = "en";
}
