namespace RcmlEngine.Hosting;

/// <summary>The engine's own HTTP server: REST API, recordings, the samples (<c>Http</c> section).</summary>
internal sealed class HttpListenOptions
{
    /// <summary>The address to bind. Default <c>0.0.0.0</c>.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The port; 0 picks a free one. Default 8080.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// The base URL applications reach the engine at (recording URLs are built under it), when it is not
    /// <c>http://PublicAddress:Port/</c> (a reverse proxy, TLS in front). Default none.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
