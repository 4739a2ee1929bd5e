namespace RcmlEngine.Api.CallController;

/// <summary>The click-to-call controller (<c>CallController</c> section; docs/click-to-call.md).</summary>
internal sealed class CallControllerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CallController";

    /// <summary>False removes the <c>/callcontroller</c> endpoints.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Names a button may use for a party or the agent, each mapped to what the engine calls: a client
    /// name, a SIP URI or a number (e.g. <c>"reception": "sip:100@pbx.example.com"</c>). Matched ignoring case.
    /// </summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests from loopback without credentials are accepted (as the first configured account). Default false.</summary>
    public bool AllowLoopbackWithoutAuth { get; set; }

    /// <summary>The realm of the Basic and Digest challenges.</summary>
    public string DigestRealm { get; set; } = "RcmlEngine call controller";

    /// <summary>How long a Digest nonce is good for, in seconds; an older one is answered <c>stale=true</c>.</summary>
    public int NonceLifetimeSeconds { get; set; } = 300;
}
