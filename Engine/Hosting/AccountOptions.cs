namespace RcmlEngine.Hosting;

/// <summary>An account (<c>Accounts:N</c>): who owns applications, signs their webhooks and gets their errors.</summary>
internal sealed class AccountOptions
{
    /// <summary><c>AC</c> + 32 lowercase hex.</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>Signs every webhook of the account (<c>X-Twilio-Signature</c>); also the REST API password. None: unsigned.</summary>
    public string? AuthToken { get; set; }

    /// <summary>Receives the account's errors and warnings (Twilio's debugger webhook). None by default.</summary>
    public Uri? DebuggerWebhook { get; set; }
}
