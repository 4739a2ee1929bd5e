namespace RcmlEngine.Hosting;

/// <summary>
/// A client account (<c>Clients:N</c>): a SIP phone registers as <see cref="Name"/> with
/// <see cref="Password"/> (digest) on the engine's SIP port, and <c>&lt;Dial&gt;&lt;Client&gt;Name&lt;/Client&gt;</c>
/// rings every registration it holds.
/// </summary>
internal sealed class ClientOptions
{
    /// <summary>The client name: the REGISTER's user and digest username.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Its digest password.</summary>
    public string Password { get; set; } = string.Empty;
}
