namespace RcmlEngine.Streams;

/// <summary>A stream could not be opened (the server unreachable, the handshake refused, a timeout).</summary>
internal sealed class MediaStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaStreamException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MediaStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MediaStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
