namespace RcmlEngine.Webhooks.Debugger;

/// <summary>Severity of a debugger notification (Twilio's <c>Level</c>: <c>Error</c> or <c>Warning</c>).</summary>
internal enum DebuggerLevel
{
    /// <summary>Something failed (fetch, parse, a verb).</summary>
    Error,

    /// <summary>Something was done differently than asked (an unsupported attribute ignored).</summary>
    Warning,
}
