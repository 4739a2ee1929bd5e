using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace RcmlEngine.Hosting;

/// <summary>
/// Where the engine's own HTTP server is reached, once it listens (the port may have been 0): the public
/// base URL applications fetch recordings at, and the local one the engine fetches its samples from.
/// </summary>
internal sealed class EngineHttpAddress(IServer server, IOptions<EngineOptions> options)
{
    /// <summary>The port Kestrel listens on (the configured one, or the one it picked for 0).</summary>
    public int Port
    {
        get
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return address is not null && Uri.TryCreate(address, UriKind.Absolute, out var url) ? url.Port : options.Value.Http.Port;
        }
    }

    /// <summary>Where Kestrel is bound, as it reports it (<c>http://0.0.0.0:8080</c>), else the configured address and port.</summary>
    public string BoundAddress =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? $"http://{options.Value.Http.ListenAddress}:{options.Value.Http.Port}";

    /// <summary><c>Http:PublicBaseUrl</c>, else <c>http://PublicAddress-or-listen-address:port/</c> (127.0.0.1 for a wildcard).</summary>
    public Uri PublicBaseUrl
    {
        get
        {
            var engine = options.Value;
            if (engine.Http.PublicBaseUrl is { } configured)
            {
                return configured;
            }

            var host = engine.PublicAddress ?? LocalHost(engine.Http.ListenAddress);
            return Url(host, Port);
        }
    }

    /// <summary>The URL the engine reaches itself at (the samples' voice URLs): the listen address, 127.0.0.1 for a wildcard.</summary>
    public Uri LocalBaseUrl => Url(LocalHost(options.Value.Http.ListenAddress), Port);

    private static string LocalHost(string listenAddress) => listenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : listenAddress;

    private static Uri Url(string host, int port) =>
        new($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}/");
}
