using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Runs a real <c>redis-server</c> (Debian redis-server) on 127.0.0.1 for a test: a free port, no
/// persistence, a temporary folder. It can be stopped and started again on the same port (an outage);
/// dispose always kills it. Missing binary: the test is ignored with the reason.
/// </summary>
internal sealed class RedisServerRunner : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _workDir;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RedisServerRunner(string binary, string workDir, int port)
    {
        _binary = binary;
        _workDir = workDir;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a server on a free port and waits until it answers.</summary>
    public static async Task<RedisServerRunner> StartAsync(CancellationToken cancellationToken)
    {
        var runner = new RedisServerRunner(PeerPrograms.Require("redis-server"), Directory.CreateTempSubdirectory("redis-").FullName, FreePorts.Pick());
        await runner.StartAgainAsync(cancellationToken);
        return runner;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers PING; the data of a stopped one is gone.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(_binary)
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", _workDir, "--daemonize", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync(cancellationToken);
    }

    /// <summary>Kills the server and waits until it is gone (its port refuses connections).</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>What the server printed, for assertion messages.</summary>
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = await RedisTestClient.ConnectAsync(Port, cancellationToken);
                if (await client.CommandAsync(cancellationToken, "PING") is "PONG")
                {
                    return;
                }
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && _process is { HasExited: false })
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{Port}: {Output}", exception);
            }
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
