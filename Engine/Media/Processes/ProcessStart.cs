namespace RcmlEngine.Media.Processes;

/// <summary>A child process to run: program, arguments (passed as a list, never through a shell), optional stdin text.</summary>
internal sealed record ProcessStart(string FileName, IReadOnlyList<string> Arguments, string? StandardInput = null)
{
    /// <summary>
    /// Variables the child gets on top of the minimal environment <see cref="ProcessRunner"/> builds
    /// (nothing else of the engine's environment reaches it).
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
