namespace RcmlEngine.Webhooks;

/// <summary>
/// Settings of the Webhooks layer, bound from the <c>Webhooks</c> configuration section
/// (<c>Webhooks:Fetch:Timeout</c>, <c>Webhooks:Callbacks:MaxRetries</c>, <c>Webhooks:Queue:StorePath</c>...).
/// Every default is the documented one; TimeSpans are written <c>00:00:15</c>.
/// </summary>
internal sealed class WebhookOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>The <c>User-Agent</c> of every request. Default <c>RcmlEngine/1.0</c>.</summary>
    public string UserAgent { get; set; } = "RcmlEngine/1.0";

    /// <summary>TCP connect timeout of one attempt (Twilio uses 5 s per attempt). Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Redirects followed before failing with 11215 (a POST is only redirected on its own scheme, host and
    /// port). Default 5.
    /// </summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Refuse to connect to loopback, private, link-local (cloud metadata) and other non-public addresses,
    /// checked after DNS on every connection (documents, callbacks, media, every redirect). Null (default):
    /// the engine decides (<c>rcml serve</c>: on, unless it runs the samples or listens on loopback only);
    /// the Webhooks layer alone treats null as off.
    /// </summary>
    public bool? BlockPrivateAddresses { get; set; }

    /// <summary>Addresses or CIDR ranges reachable even when private addresses are blocked (an application on 10.0.0.5). Default none.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>RCML document fetches.</summary>
    public DocumentFetchOptions Fetch { get; set; } = new();

    /// <summary>One delivery of an action, status, recording or debugger callback.</summary>
    public CallbackDeliveryOptions Callbacks { get; set; } = new();

    /// <summary>The ordered, persistent callback queue.</summary>
    public CallbackQueueOptions Queue { get; set; } = new();
}
