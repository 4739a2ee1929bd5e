namespace RcmlEngine.Sdp;

/// <summary>The direction of a media stream as its <c>a=</c> attribute states it (RFC 3264 5.1, RFC 4566 6).</summary>
internal enum SdpDirection
{
    /// <summary><c>a=sendrecv</c>, the default when none is given.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>: the side that wrote it sends and does not receive (puts the other on hold).</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>: the side that wrote it receives only.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: neither side sends.</summary>
    Inactive,
}
