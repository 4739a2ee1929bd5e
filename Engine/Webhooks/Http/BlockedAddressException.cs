namespace RcmlEngine.Webhooks.Http;

/// <summary>A request was not sent because every address of its host is blocked (<see cref="OutboundAddressPolicy"/>).</summary>
internal sealed class BlockedAddressException : IOException
{
    public BlockedAddressException()
    {
    }

    public BlockedAddressException(string message)
        : base(message)
    {
    }

    public BlockedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
