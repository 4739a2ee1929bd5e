using System.Net;
using System.Net.Sockets;
using RcmlEngine.Cli.Commands;
using RcmlEngine.Hosting;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Cli;

/// <summary>
/// <c>rcml serve</c> answers a user's mistakes with one sentence and exit code 2: a port another program
/// holds (setting, address, port and the flag), a configuration value that does not convert (setting,
/// value and the form expected), never a stack trace.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServeCommandMistakeTests
{
    [TestCase(ProtocolType.Udp, "Sip:UdpPort")]
    [TestCase(ProtocolType.Tcp, "Sip:TcpPort")]
    [CancelAfter(30_000)]
    public async Task Serve_SipPortInUse_NamesTheSettingAddressAndPortAndExitsTwo(ProtocolType protocol, string setting, CancellationToken cancellationToken)
    {
        using var holder = new Socket(AddressFamily.InterNetwork, protocol == ProtocolType.Udp ? SocketType.Dgram : SocketType.Stream, protocol);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        if (protocol == ProtocolType.Tcp)
        {
            holder.Listen();
        }

        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        using var folder = new TempDirectory();
        var config = WriteConfig(folder, $$"""{ "Sip": { "ListenAddress": "127.0.0.1" }, "Http": { "ListenAddress": "127.0.0.1", "Port": 0 } }""");

        var (code, errors) = await ServeAsync(config, new EngineOverrides { SipPort = port }, cancellationToken);

        code.Should().Be(2);
        errors.Should().Contain($"{setting} {port} on 127.0.0.1 is in use").And.Contain("--sip-port").And.NotContain("   at ");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Serve_HttpPortInUse_NamesItAndExitsTwo(CancellationToken cancellationToken)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var folder = new TempDirectory();
        var config = WriteConfig(folder, """{ "Sip": { "ListenAddress": "127.0.0.1", "UdpPort": 0, "TcpPort": 0 }, "Http": { "ListenAddress": "127.0.0.1" } }""");

        var (code, errors) = await ServeAsync(config, new EngineOverrides { HttpPort = port }, cancellationToken);

        code.Should().Be(2);
        errors.Should().Contain($"Http:Port {port} on 127.0.0.1 is in use").And.Contain("--http-port");
    }

    [TestCase("""{ "Limits": { "MaxCallDuration": "4h" } }""", "Limits:MaxCallDuration: '4h' is not a duration; write it hh:mm:ss")]
    [TestCase("""{ "Webhooks": { "Fetch": { "Timeout": "soon" } } }""", "Webhooks:Fetch:Timeout: 'soon' is not a duration")]
    [TestCase("""{ "Api": { "MaxRequestsPerSecond": "many" } }""", "Api:MaxRequestsPerSecond: 'many' is not a whole number")]
    [CancelAfter(30_000)]
    public async Task Serve_ValueThatDoesNotConvert_NamesTheSettingTheValueAndTheFormAndExitsTwo(string json, string sentence, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        var config = WriteConfig(folder, json);

        var (code, errors) = await ServeAsync(config, new EngineOverrides { SipPort = 0, HttpPort = 0 }, cancellationToken);

        code.Should().Be(2);
        errors.Should().Contain(sentence).And.NotContain("   at ");
    }

    private static string WriteConfig(TempDirectory folder, string json)
    {
        var path = Path.Combine(folder.Path, "config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<(int Code, string Errors)> ServeAsync(string config, EngineOverrides overrides, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ServeCommand.RunAsync(config, overrides, output, errors, cancellationToken);
        return (code, errors.ToString());
    }
}
