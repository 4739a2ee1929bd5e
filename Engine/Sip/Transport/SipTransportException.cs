namespace RcmlEngine.Sip.Transport;

/// <summary>A message could not be sent (no route, connection refused, too large). RFC 3261 8.1.3.1 treats it as 503.</summary>
public sealed class SipTransportException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public SipTransportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SipTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SipTransportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
