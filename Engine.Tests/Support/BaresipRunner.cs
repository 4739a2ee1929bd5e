using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RcmlEngine.Sip.Transport;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Runs baresip 1.0 (Debian baresip-core) as a headless softphone for a test: a temporary config
/// folder (<c>-f</c>) with one account, no audio devices (sine or WAV source, ALSA's null player),
/// SIP, RTP and control bound to 127.0.0.1 on free ports, DNS pointed at 127.0.0.1 so nothing
/// leaves the machine; controlled over ctrl_tcp (dial, accept, hangup, DTMF) with its events
/// observable. Disposing kills it and deletes the folder. Missing binary: the test is ignored.
/// </summary>
internal sealed partial class BaresipRunner : IAsyncDisposable
{
    private const string ModulePath = "/usr/lib/baresip/modules";
    private const int MaxOutput = 256 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BaresipRunner(Process process, string directory, int sipPort, int controlPort, BaresipOptions options)
    {
        _process = process;
        ConfigDirectory = directory;
        SipPort = sipPort;
        ControlPort = controlPort;
        Options = options;
    }

    public BaresipOptions Options { get; }

    /// <summary>The port baresip listens on for SIP (UDP and TCP) on 127.0.0.1.</summary>
    public int SipPort { get; }

    /// <summary>The ctrl_tcp port on 127.0.0.1.</summary>
    public int ControlPort { get; }

    public string ConfigDirectory { get; }

    /// <summary>The account's address-of-record as baresip knows it.</summary>
    public string Aor => Options.Registrar is { } registrar
        ? $"sip:{Options.User}@{registrar.Address}:{registrar.Port.ToString(CultureInfo.InvariantCulture)}"
        : $"sip:{Options.User}@127.0.0.1";

    /// <summary>A URI that reaches this baresip directly (for the engine to call it without a registrar).</summary>
    public string DirectUri(SipTransportKind? transport = null) =>
        $"sip:{Options.User}@127.0.0.1:{SipPort.ToString(CultureInfo.InvariantCulture)}" +
        ((transport ?? Options.Transport) == SipTransportKind.Tcp ? ";transport=tcp" : string.Empty);

    /// <summary>What baresip printed (the last 256 KiB), for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Binary
    {
        get
        {
            if (File.Exists("/usr/bin/baresip") && Directory.Exists(ModulePath))
            {
                return "/usr/bin/baresip";
            }

            TestEnvironment.Unavailable("baresip (Debian package baresip-core) is not installed; ./test.sh installs it");
            return string.Empty;
        }
    }

    /// <summary>Starts baresip and waits until it is ready and its control port answers (a few tries on port clashes).</summary>
    public static async Task<BaresipRunner> StartAsync(BaresipOptions options, CancellationToken cancellationToken)
    {
        var binary = Binary;
        for (var attempt = 1; ; attempt++)
        {
            var runner = Launch(binary, options);
            try
            {
                await runner.WaitReadyAsync(cancellationToken);
                await runner.ConnectControlAsync(cancellationToken);
                return runner;
            }
            catch (BaresipStartException) when (attempt < 3)
            {
                await runner.DisposeAsync();
            }
            catch
            {
                await runner.DisposeAsync();
                throw;
            }
        }
    }

    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Waits for REGISTER_OK (the registrar answered 200), failing fast on REGISTER_FAIL.</summary>
    public async Task WaitForRegistrationAsync(CancellationToken cancellationToken)
    {
        // Bounded below the tests' own limits, so a registration that never comes says what baresip printed.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(RegistrationTimeout);
        var outcome = WaitForEventAsync(e => e.Type is "REGISTER_OK" or "REGISTER_FAIL", bounded.Token);
        try
        {
            // A registration answered before the control connection was up has no event: baresip's own
            // status line ("alice@host: {0/UDP/v4} 200 OK ...") says it then.
            while (!outcome.IsCompleted && !RegisteredLine().IsMatch(Output))
            {
                await Task.WhenAny(outcome, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, bounded.Token));
                bounded.Token.ThrowIfCancellationRequested();
            }

            if (outcome.IsCompleted && (await outcome).Type != "REGISTER_OK")
            {
                throw new AssertionException($"baresip failed to register: {(await outcome).Param}\n{Describe()}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AssertionException($"baresip did not register within {RegistrationTimeout.TotalSeconds:0} s\n{Describe()}");
        }
        finally
        {
            // Releases the event wait when the status line answered first.
            await bounded.CancelAsync();
        }
    }

    /// <summary>
    /// The WAV files the sndfile module wrote under <see cref="BaresipOptions.RecordDirectory"/>:
    /// <c>dec</c> what baresip received and played, <c>enc</c> what it sent. Complete once the call closed.
    /// </summary>
    public IReadOnlyList<string> Recordings(string kind = "dec") =>
        Options.RecordDirectory is { } directory && Directory.Exists(directory)
            ? Directory.GetFiles(directory, $"dump-*-{kind}.wav").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Output and recent events, trimmed, for assertion messages.</summary>
    public string Describe()
    {
        var text = Output;
        return (text.Length > 6000 ? text[^6000..] : text) + "\nEvents: " + string.Join(", ", Events.Select(e => e.Type));
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectControlAsync();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static BaresipRunner Launch(string binary, BaresipOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("baresip-").FullName;
        var sipPort = FreePorts.Pick();
        var controlPort = FreePorts.Pick();
        var rtpBase = FreePorts.Pick();
        File.WriteAllText(Path.Combine(directory, "config"), Config(options, sipPort, controlPort, rtpBase));
        File.WriteAllText(Path.Combine(directory, "accounts"), Account(options) + "\n");
        File.WriteAllText(Path.Combine(directory, "contacts"), string.Empty);

        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(directory);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var runner = new BaresipRunner(process, directory, sipPort, controlPort, options);
        process.OutputDataReceived += (_, e) => runner.Append(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(e.Data);
        process.Exited += (_, _) => runner._ready.TrySetException(new BaresipStartException("baresip exited before it was ready"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>
    /// The config: only the modules a headless softphone needs (no stdio UI: it cannot poll a
    /// non-terminal stdin), every socket on 127.0.0.1, DNS at 127.0.0.1:9 so no lookup leaves the host,
    /// no STUN/TURN/ICE modules, so nothing is ever sent elsewhere.
    /// </summary>
    private static string Config(BaresipOptions options, int sipPort, int controlPort, int rtpBase)
    {
        var lines = new List<string>
        {
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
            "net_interface 127.0.0.1",
            "dns_server 127.0.0.1:9",
            "call_local_timeout 120",
            "call_max_calls 4",
            $"audio_source {options.AudioSource}",
            $"ausrc_srate {options.SourceSampleRate.ToString(CultureInfo.InvariantCulture)}",
            $"ausrc_channels {options.SourceChannels.ToString(CultureInfo.InvariantCulture)}",
            "audio_player alsa,null",
            "audio_alert alsa,null",
            $"rtp_ports {rtpBase.ToString(CultureInfo.InvariantCulture)}-{(rtpBase + 40).ToString(CultureInfo.InvariantCulture)}",
            "rtcp_mux no",
            "jitter_buffer_delay 1-10",
            $"module_path {ModulePath}",
            "module g711.so",
            "module aufile.so",
            "module ausine.so",
            "module alsa.so",
            "module_tmp uuid.so",
            "module_tmp account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort.ToString(CultureInfo.InvariantCulture)}",
            "statmode_default off",
            "ringback_disabled yes",
        };
        if (options.RecordDirectory is { } record)
        {
            lines.Add("module sndfile.so");
            lines.Add("snd_path " + record);
        }

        lines.AddRange(options.ExtraConfig);
        return string.Join('\n', lines) + "\n";
    }

    private static string Account(BaresipOptions options)
    {
        var transport = options.Transport == SipTransportKind.Tcp ? "tcp" : "udp";
        var builder = new StringBuilder();
        if (options.Registrar is { } registrar)
        {
            builder.Append(CultureInfo.InvariantCulture, $"<sip:{options.User}@{registrar.Address}:{registrar.Port};transport={transport}>")
                .Append(CultureInfo.InvariantCulture, $";regint={options.RegisterInterval}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"<sip:{options.User}@127.0.0.1;transport={transport}>;regint=0");
        }

        if (options.Password is { } password)
        {
            builder.Append(";auth_pass=").Append(password);
        }

        builder.Append(";answermode=").Append(options.AnswerMode)
            .Append(";audio_codecs=").Append(string.Join(',', options.AudioCodecs))
            .Append(options.ExtraAccountParameters);
        return builder.ToString();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            await _ready.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BaresipStartException("baresip did not say it was ready within 15 s:\n" + Describe());
        }
        catch (BaresipStartException ex)
        {
            throw new BaresipStartException(ex.Message + ":\n" + Describe());
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxOutput)
            {
                _output.Remove(0, _output.Length - MaxOutput / 2);
            }
        }

        if (line.Contains("baresip is ready.", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    [GeneratedRegex(@"\{\d+/\w+/v\d\} 200 OK")]
    private static partial Regex RegisteredLine();
}
