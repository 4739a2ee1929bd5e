namespace RcmlEngine.Calls.Prompts;

/// <summary>The codes a <see cref="PromptFailure"/> carries (Twilio's where it has one).</summary>
internal static class PromptErrorCodes
{
    /// <summary>11200, Twilio's HTTP retrieval failure: an audio URL could not be fetched or decoded.</summary>
    public const int AudioRetrievalFailed = 11200;

    /// <summary>64007, the engine's own: a prompt could not be played (speech synthesis failed...).</summary>
    public const int PromptFailed = 64007;
}
