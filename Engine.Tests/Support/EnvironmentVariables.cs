namespace RcmlEngine.Tests.Support;

/// <summary>Sets process environment variables for a test and restores their old values on dispose (use in non-parallel tests only).</summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly List<(string Name, string? Old)> _saved = [];

    public EnvironmentVariables(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _saved.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, old) in _saved)
        {
            Environment.SetEnvironmentVariable(name, old);
        }
    }
}
