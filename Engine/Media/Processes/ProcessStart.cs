namespace RcmlEngine.Media.Processes;

/// <summary>A child process to run: program, arguments (passed as a list, never through a shell), optional stdin text.</summary>
internal sealed record ProcessStart(string FileName, IReadOnlyList<string> Arguments, string? StandardInput = null);
