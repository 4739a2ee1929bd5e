namespace RcmlEngine.Tests.Support;

/// <summary>baresip could not be started (it exited early, e.g. on a port clash, or never became ready).</summary>
internal sealed class BaresipStartException : Exception
{
    public BaresipStartException()
    {
    }

    public BaresipStartException(string message)
        : base(message)
    {
    }

    public BaresipStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
