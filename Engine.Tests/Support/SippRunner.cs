using System.Diagnostics;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Runs SIPp 3.6 (Debian sip-tester) on 127.0.0.1 for a test: picks free signalling and media ports
/// (SIPp cannot take port 0), works in a temporary folder, and always kills SIPp on dispose.
/// Missing binary: the test is ignored with the reason.
/// </summary>
internal sealed class SippRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _workDir;

    private SippRunner(Process process, string workDir, int port)
    {
        _process = process;
        _workDir = workDir;
        Port = port;
    }

    /// <summary>The port SIPp listens and sends on.</summary>
    public int Port { get; }

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
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin"))
            {
                var path = Path.Combine(dir, "sipp");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            Assert.Ignore("sipp (Debian package sip-tester) is not installed; ./test.sh installs it");
            return string.Empty;
        }
    }

    /// <summary>
    /// Starts SIPp with <paramref name="arguments"/> plus <c>-i/-mi 127.0.0.1 -p PORT -mp PORT -nostdin</c>.
    /// A scenario name in <c>Engine.Tests/Assets/sipp</c> may be passed as <c>-sf name.xml</c>.
    /// </summary>
    public static SippRunner Start(params string[] arguments)
    {
        var binary = Binary;
        var workDir = Directory.CreateTempSubdirectory("sipp-").FullName;
        var port = FreePorts.Pick();
        var mediaPort = FreePorts.Pick();
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

            info.ArgumentList.Add(argument);
        }

        foreach (var extra in new[] { "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin", "-trace_err", "-trace_msg" })
        {
            info.ArgumentList.Add(extra);
        }

        var process = new Process { StartInfo = info };
        var runner = new SippRunner(process, workDir, port);
        process.OutputDataReceived += (_, e) => runner.Append(e.Data);
        process.ErrorDataReceived += (_, e) => runner.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>Waits for SIPp to finish; returns its exit code (0: every call succeeded).</summary>
    public async Task<int> WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>What SIPp said, and its error log, for assertion messages.</summary>
    public string Describe()
    {
        var errors = Directory.Exists(_workDir)
            ? string.Join("\n", Directory.GetFiles(_workDir, "*_errors.log").Select(File.ReadAllText))
            : string.Empty;
        var text = Output + "\n" + errors;
        return text.Length > 6000 ? text[^6000..] : text;
    }

    /// <summary>How many <paramref name="method"/> requests SIPp received (from its <c>-trace_msg</c> log).</summary>
    public int ReceivedRequests(string method)
    {
        var log = string.Join("\n", Directory.GetFiles(_workDir, "*_messages.log").Select(File.ReadAllText));
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
