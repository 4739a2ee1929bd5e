namespace RcmlEngine.Hosting;

/// <summary>
/// The engine's configuration, bound from the root of the configuration: <c>appsettings.json</c>, the file
/// named by <c>--config</c>, then environment variables <c>RCML__Section__Key</c> (later ones win).
/// README "## Configuration" documents every setting. The <c>Webhooks</c> section is the Webhooks layer's.
/// </summary>
internal sealed class EngineOptions
{
    /// <summary>The account used when none is configured (webhooks then go unsigned).</summary>
    public const string DefaultAccountSid = "AC00000000000000000000000000000000";

    /// <summary>SIP listeners.</summary>
    public SipListenOptions Sip { get; set; } = new();

    /// <summary>The HTTP server.</summary>
    public HttpListenOptions Http { get; set; } = new();

    /// <summary>RTP ports.</summary>
    public RtpPortOptions Rtp { get; set; } = new();

    /// <summary>
    /// The address peers reach this host at, written in SDP (<c>c=</c>) and in Contact headers, when it
    /// is not the listening address (NAT, 0.0.0.0). Default none: the address of the interface used.
    /// </summary>
    public string? PublicAddress { get; set; }

    /// <summary>Accounts.</summary>
    public List<AccountOptions> Accounts { get; set; } = [];

    /// <summary>Applications, in matching order (exact users first, then patterns in order).</summary>
    public List<ApplicationOptions> Applications { get; set; } = [];

    /// <summary>Per-call limits.</summary>
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>The apology played when an application fails.</summary>
    public ErrorPromptOptions ErrorPrompt { get; set; } = new();

    /// <summary>Recordings.</summary>
    public RecordingsOptions Recordings { get; set; } = new();

    /// <summary>The dial plan: the trunks numbers are called through (<c>&lt;Number&gt;</c>, Dial's text). None: numbers cannot be dialed.</summary>
    public List<TrunkOptions> Trunks { get; set; } = [];

    /// <summary>Client accounts that register with the engine (<c>&lt;Client&gt;</c>). None: REGISTER is not served.</summary>
    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>The samples, served and routed when no application is configured.</summary>
    public SamplesOptions Samples { get; set; } = new();
}
