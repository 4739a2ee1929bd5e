namespace RcmlEngine.Webhooks.Debugger;

/// <summary>Posts errors and warnings to an account's debugger webhook (Twilio's "Debugging Events Webhook").</summary>
internal interface IDebuggerNotifier
{
    /// <summary>
    /// Queues <paramref name="notification"/> for <paramref name="webhookUrl"/> (always POST, signed with
    /// <paramref name="authToken"/>); returns at once, delivered like any callback (retried, persisted).
    /// </summary>
    /// <returns>False when the callback queue is full or stopped.</returns>
    bool Notify(Uri webhookUrl, string? authToken, DebuggerNotification notification);
}
