namespace RcmlEngine.Execution;

/// <summary>The account a call belongs to: who signs its webhooks and where its errors are reported.</summary>
internal sealed record CallAccount
{
    /// <summary><c>AC</c> + 32 hex.</summary>
    public required string AccountSid { get; init; }

    /// <summary>Signs every webhook (<c>X-Twilio-Signature</c>); null sends them unsigned.</summary>
    public string? AuthToken { get; init; }

    /// <summary>The debugger webhook that receives the account's errors and warnings; null for none.</summary>
    public Uri? DebuggerWebhook { get; init; }
}
