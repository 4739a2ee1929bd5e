using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Processes;

/// <summary>
/// Runs child processes with <see cref="Process"/>: no shell, stdin/stdout/stderr redirected, killed on
/// cancellation. A child gets the least it needs: none of the engine's environment (a fixed system
/// <c>PATH</c>, so a <c>sox</c> or <c>sh</c> earlier on the engine's own <c>PATH</c> is never found),
/// and a private, owner-only working and temp folder of its own, deleted when it ends.
/// </summary>
internal sealed partial class ProcessRunner(ILogger<ProcessRunner> logger) : IProcessRunner
{
    /// <summary>The <c>PATH</c> a child sees: system folders only, writable by root alone.</summary>
    public const string ChildPath = "/usr/bin:/bin";

    // Enough stderr to explain a failure; the rest is read and dropped so the pipe never fills.
    private const int MaxStandardError = 4096;

    /// <inheritdoc />
    public async Task<ProcessResult> RunAsync(
        ProcessStart start, Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Created 0700 on Unix: no other user can plant or read files in it.
        var workingDirectory = Directory.CreateTempSubdirectory("rcml-child-");
        try
        {
            return await RunInAsync(start, workingDirectory.FullName, readOutput, cancellationToken);
        }
        finally
        {
            DeleteQuietly(workingDirectory);
        }
    }

    private async Task<ProcessResult> RunInAsync(
        ProcessStart start, string workingDirectory, Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(start.FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = ChildPath;
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["HOME"] = workingDirectory;
        info.Environment["TMPDIR"] = workingDirectory;
        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new MediaException($"{start.FileName} could not be started ({ex.Message}); is it installed?", ex);
        }

        LogStarted(start.FileName, process.Id);
        using var kill = cancellationToken.Register(() => Kill(process));
        var stderr = ReadLimitedAsync(process.StandardError);
        var stdout = readOutput is null
            ? process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None)
            : readOutput(process.StandardOutput.BaseStream, cancellationToken);
        try
        {
            if (start.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(start.StandardInput.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
            await stdout;
            await process.WaitForExitAsync(cancellationToken);

            // Killed on cancellation, the process may have exited before the wait looked at the token.
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception)
        {
            // Cancelled, or the output reader failed: either way the process has no use any more.
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }

        var result = new ProcessResult(process.ExitCode, await stderr);
        LogExited(start.FileName, process.Id, result.ExitCode);
        return result;
    }

    private static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the system cleans its temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static async Task<string> ReadLimitedAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            if (text.Length < MaxStandardError)
            {
                text.Append(buffer, 0, Math.Min(read, MaxStandardError - text.Length));
            }
        }

        return text.ToString().Trim();
    }

    private void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                LogKilled(process.Id);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
