namespace RcmlEngine.Execution.Queueing;

/// <summary>Twilio's <c>QueueResult</c> words, sent to Enqueue's <c>action</c>.</summary>
internal static class QueueResult
{
    /// <summary>The caller was bridged to an agent; sent after the bridge ends.</summary>
    public const string Bridged = "bridged";

    /// <summary>The caller was taken by an agent, who went before the bridge.</summary>
    public const string BridgingInProcess = "bridging-in-process";

    /// <summary>The queue held its maximum.</summary>
    public const string QueueFull = "queue-full";

    /// <summary>The API took the caller to a new document.</summary>
    public const string Redirected = "redirected";

    /// <summary>The caller hung up while waiting (or a wait document's Hangup).</summary>
    public const string Hangup = "hangup";

    /// <summary>A wait document's Leave.</summary>
    public const string Leave = "leave";

    /// <summary>The call could not wait (it cannot be bridged).</summary>
    public const string Error = "error";

    /// <summary>The engine failed.</summary>
    public const string SystemError = "system-error";
}
