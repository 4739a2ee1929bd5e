namespace RcmlEngine.Media;

/// <summary>
/// Media that could not be had: a fetch that failed, a file that is not audio, a decoder or
/// synthesizer that failed or is missing. The message says what and why, for the application's logs.
/// </summary>
internal sealed class MediaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public MediaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public MediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
