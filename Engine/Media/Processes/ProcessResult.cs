namespace RcmlEngine.Media.Processes;

/// <summary>How a child process ended: its exit code and the start of what it wrote to stderr.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardError);
