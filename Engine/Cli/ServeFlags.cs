using System.CommandLine;
using RcmlEngine.Hosting;

namespace RcmlEngine.Cli;

/// <summary>
/// The flags that override the configuration of a serving engine: <c>--config FILE</c>, <c>--sip-port</c>,
/// <c>--http-port</c>, <c>--listen</c> and the repeatable <c>--app USER=URL</c>. Add them to a command with
/// <see cref="AddTo"/>; read them with <see cref="ReadOverrides"/> and <see cref="ReadConfigFile"/>.
/// </summary>
internal sealed class ServeFlags
{
    /// <summary><c>--config FILE</c>: a JSON settings file over <c>appsettings.json</c>.</summary>
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON settings file, read over appsettings.json (RCML__ environment variables win over both)",
        HelpName = "FILE",
    };

    /// <summary><c>--sip-port N</c>.</summary>
    public Option<int?> SipPort { get; } = new("--sip-port")
    {
        Description = "SIP port for UDP and TCP (overrides Sip:UdpPort and Sip:TcpPort)",
        HelpName = "PORT",
    };

    /// <summary><c>--http-port N</c>.</summary>
    public Option<int?> HttpPort { get; } = new("--http-port")
    {
        Description = "HTTP port (overrides Http:Port)",
        HelpName = "PORT",
    };

    /// <summary><c>--listen ADDRESS</c>: the one address SIP, RTP and HTTP bind.</summary>
    public Option<string?> Listen { get; } = new("--listen")
    {
        Description = "IP address SIP, RTP and HTTP bind (overrides Sip:ListenAddress and Http:ListenAddress; default 0.0.0.0, every interface)",
        HelpName = "ADDRESS",
    };

    /// <summary><c>--app USER=URL</c>, repeatable.</summary>
    public Option<string[]> Apps { get; } = new("--app")
    {
        Description = "Route calls for sip:USER@... to the voice URL (repeatable; overrides a configured application of that user)",
        HelpName = "USER=URL",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds the flags to <paramref name="command"/>, with the checks of their values.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Config);
        command.Options.Add(SipPort);
        command.Options.Add(HttpPort);
        command.Options.Add(Listen);
        command.Options.Add(Apps);
        Listen.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !System.Net.IPAddress.TryParse(text, out _))
            {
                result.AddError($"--listen '{text}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1)");
            }
        });
        foreach (var port in new[] { SipPort, HttpPort })
        {
            port.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is { } value && value is < 0 or > 65535)
                {
                    result.AddError($"{result.Option.Name} must be from 0 to 65535");
                }
            });
        }

        Apps.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!EngineOverrides.TryParseApp(text, out _, out var error))
                {
                    result.AddError(error!);
                }
            }
        });
    }

    /// <summary>The overrides given on the command line.</summary>
    public EngineOverrides ReadOverrides(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var apps = new List<(string User, Uri VoiceUrl)>();
        foreach (var text in result.GetValue(Apps) ?? [])
        {
            if (EngineOverrides.TryParseApp(text, out var app, out _))
            {
                apps.Add(app);
            }
        }

        return new EngineOverrides { SipPort = result.GetValue(SipPort), HttpPort = result.GetValue(HttpPort), ListenAddress = result.GetValue(Listen), Apps = apps };
    }

    /// <summary>The <c>--config</c> file, or null.</summary>
    public string? ReadConfigFile(ParseResult result) => result?.GetValue(Config);
}
