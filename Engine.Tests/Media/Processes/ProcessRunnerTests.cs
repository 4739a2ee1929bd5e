using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Processes;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media.Processes;

[TestFixture]
public sealed class ProcessRunnerTests
{
    private readonly ProcessRunner _runner = new(NullLogger<ProcessRunner>.Instance);

    [Test]
    [CancelAfter(10_000)]
    public async Task RunAsync_Cat_EchoesStdinToTheReader(CancellationToken cancellationToken)
    {
        string? output = null;
        var result = await _runner.RunAsync(
            new ProcessStart("cat", [], "hello child"),
            async (stdout, token) => output = await new StreamReader(stdout).ReadToEndAsync(token),
            cancellationToken);

        result.ExitCode.Should().Be(0);
        output.Should().Be("hello child");
    }

    [Test]
    [NonParallelizable] // sets a process environment variable
    [CancelAfter(10_000)]
    public async Task RunAsync_EngineEnvironment_IsNotPassedToTheChild(CancellationToken cancellationToken)
    {
        using var variables = new EnvironmentVariables(("RCML_TEST_SECRET", "s3cret"), ("PATH", "/tmp/evil:" + Environment.GetEnvironmentVariable("PATH")));
        string? output = null;

        await _runner.RunAsync(
            new ProcessStart("sh", ["-c", "echo \"$RCML_TEST_SECRET|$PATH\""]) { Environment = new Dictionary<string, string> { ["EXTRA"] = "1" } },
            async (stdout, token) => output = await new StreamReader(stdout).ReadToEndAsync(token),
            cancellationToken);

        output!.Trim().Should().Be("|" + ProcessRunner.ChildPath);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RunAsync_WorkingDirectory_IsPrivateAndRemovedAfterwards(CancellationToken cancellationToken)
    {
        string? output = null;

        await _runner.RunAsync(
            new ProcessStart("sh", ["-c", "pwd; stat -c %a .; echo \"$TMPDIR\""]),
            async (stdout, token) => output = await new StreamReader(stdout).ReadToEndAsync(token),
            cancellationToken);

        var lines = output!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().NotBe(Environment.CurrentDirectory);
        lines[1].Should().Be("700");
        lines[2].Should().Be(lines[0], "temporary files go to the private folder too");
        Directory.Exists(lines[0]).Should().BeFalse();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RunAsync_FailingProgram_ReturnsExitCodeAndStderr(CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(new ProcessStart("sh", ["-c", "echo broken >&2; exit 3"]), null, cancellationToken);

        result.Should().Be(new ProcessResult(3, "broken"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RunAsync_Cancelled_KillsTheProcess(CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pidFile = Path.GetTempFileName();
        try
        {
            // The shell writes its pid, then execs sleep in its place.
            var run = _runner.RunAsync(new ProcessStart("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 60"]), null, cancel.Token);
            int pid;
            while (!int.TryParse((await File.ReadAllTextAsync(pidFile, cancellationToken)).Trim(), out pid))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken);
            }

            await cancel.CancelAsync();

            await run.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
            IsRunning(pid).Should().BeFalse("the child is killed before the run ends");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Test]
    public async Task RunAsync_MissingProgram_ThrowsMediaException()
    {
        var run = () => _runner.RunAsync(new ProcessStart("no-such-program-rcml", []), null, CancellationToken.None);

        (await run.Should().ThrowAsync<MediaException>()).WithMessage("no-such-program-rcml could not be started*installed?");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
