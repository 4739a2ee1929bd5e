using System.Diagnostics;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// SIPp (sip-tester) run by a test: a scenario from <c>Engine.Tests/Assets/sipp</c>, on 127.0.0.1
/// with ports chosen free, bounded by <c>-timeout</c>, killed on dispose if still running.
/// </summary>
internal sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SippProcess(Process process, int sipPort, int mediaPort)
    {
        _process = process;
        SipPort = sipPort;
        MediaPort = mediaPort;
    }

    public int SipPort { get; }

    public int MediaPort { get; }

    /// <summary>What SIPp printed, for failure messages.</summary>
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

    /// <summary>Starts SIPp as a UAS with <paramref name="scenario"/>; extra arguments (e.g. <c>-rtp_echo</c>) follow.</summary>
    public static SippProcess StartUas(string scenario, params string[] extra)
    {
        var sipp = PeerPrograms.Require("sipp");
        var sipPort = FreePorts.Udp();
        var mediaPort = FreePorts.UdpMediaBlock();
        var info = new ProcessStartInfo(sipp)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        string[] arguments =
        [
            "-sf", Path.Combine(RepoPaths.TestAssets, "sipp", scenario),
            "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin", "-timeout", "60", "-timeout_error",
        ];
        foreach (var argument in arguments.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var sippProcess = new SippProcess(process, sipPort, mediaPort);
        process.OutputDataReceived += (_, e) => sippProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sippProcess.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sippProcess;
    }

    /// <summary>Waits for SIPp to finish its scenario; returns its exit code (0: the call succeeded).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
