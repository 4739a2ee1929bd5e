using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Runs SIPp 3.6 (Debian sip-tester) on 127.0.0.1 for a test: picks free signalling and media ports
/// (SIPp cannot take port 0; the media port starts a free block of four, as <c>-rtp_echo</c> also uses
/// +2), works in a temporary folder, and always kills SIPp on dispose. Missing binary: the test is
/// ignored with the reason. Scenario names are looked up in <c>Engine.Tests/Assets/sipp</c>.
/// </summary>
internal sealed class SippRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workDir;

    private SippRunner(Process process, string workDir, int port, int mediaPort)
    {
        _process = process;
        _workDir = workDir;
        Port = port;
        MediaPort = mediaPort;
    }

    /// <summary>The port SIPp listens and sends SIP on.</summary>
    public int Port { get; }

    /// <summary>SIPp's media port (<c>-mp</c>): where it plays pcaps from and echoes RTP at.</summary>
    public int MediaPort { get; }

    /// <summary>What SIPp printed so far.</summary>
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

    /// <summary>
    /// Starts SIPp with <paramref name="arguments"/> plus <c>-i/-mi 127.0.0.1 -p PORT -mp PORT -nostdin
    /// -trace_err -trace_msg</c>. A scenario given as <c>-sf name.xml</c> is taken from the test assets.
    /// </summary>
    public static SippRunner Start(params string[] arguments) => StartOnPort(FreePorts.Pick(), arguments);

    /// <summary>As <see cref="Start"/>, on a given SIP port (a UAS taking over the port a registration came from).</summary>
    public static SippRunner StartOnPort(int port, params string[] arguments)
    {
        var binary = PeerPrograms.Require("sipp");
        var workDir = Directory.CreateTempSubdirectory("sipp-").FullName;
        var mediaPort = FreePorts.UdpMediaBlock();
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (i > 0 && arguments[i - 1] == "-sf" && !Path.IsPathRooted(argument))
            {
                argument = Path.Combine(RepoPaths.TestAssets, "sipp", argument);
            }

            info.ArgumentList.Add(argument.Replace("{media_port}", mediaPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        foreach (var extra in new[] { "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture), "-nostdin", "-trace_err", "-trace_msg" })
        {
            info.ArgumentList.Add(extra);
        }

        var process = new Process { StartInfo = info };
        var runner = new SippRunner(process, workDir, port, mediaPort);
        process.OutputDataReceived += (_, e) => runner.Append(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>SIPp as the far end of one call: a UAS <paramref name="scenario"/>, ended by its own 60 s timeout at worst.</summary>
    public static SippRunner StartUas(string scenario, params string[] extra) =>
        Start(["-sf", scenario, "-m", "1", "-timeout", "60s", "-timeout_error", .. extra]);

    /// <summary>
    /// SIPp calling <c>sip:USER@127.0.0.1:PORT</c> once with a UAC <paramref name="scenario"/> over UDP.
    /// The offer's audio port is <paramref name="rtpPort"/> (an RTP capture the test owns), or SIPp's own media port.
    /// </summary>
    public static SippRunner Call(int enginePort, string user, string scenario, int? rtpPort = null, params string[] extra) =>
        Start([$"127.0.0.1:{enginePort.ToString(CultureInfo.InvariantCulture)}", "-sf", scenario, "-s", user, "-m", "1",
            "-key", "rtp_port", rtpPort?.ToString(CultureInfo.InvariantCulture) ?? "{media_port}", "-timeout", "60s", "-timeout_error", .. extra]);

    /// <summary>Waits for SIPp to finish; returns its exit code (0: every call succeeded).</summary>
    public async Task<int> WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>What SIPp said, its error log and the end of its message trace, for assertion messages.</summary>
    public string Describe()
    {
        string Logs(string pattern) => Directory.Exists(_workDir)
            ? string.Join("\n", Directory.GetFiles(_workDir, pattern).Select(ReadShared))
            : string.Empty;
        var messages = Logs("*_messages.log");
        var text = Output + "\n" + Logs("*_errors.log") + "\n" + (messages.Length > 4000 ? messages[^4000..] : messages);
        return text.Length > 8000 ? text[^8000..] : text;
    }

    /// <summary>Every message SIPp sent and received so far (its <c>-trace_msg</c> log).</summary>
    public string Messages() => Directory.Exists(_workDir)
        ? string.Join("\n", Directory.GetFiles(_workDir, "*_messages.log").Select(ReadShared))
        : string.Empty;

    /// <summary>How many <paramref name="method"/> requests SIPp received (from its <c>-trace_msg</c> log).</summary>
    public int ReceivedRequests(string method)
    {
        var log = string.Join("\n", Directory.GetFiles(_workDir, "*_messages.log").Select(ReadShared));
        return log.Split('\n').Count(line => line.StartsWith(method + " sip:", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
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
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // SIPp may still be writing its logs.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 50_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
