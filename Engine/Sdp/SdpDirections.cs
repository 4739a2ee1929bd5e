namespace RcmlEngine.Sdp;

/// <summary>Operations on <see cref="SdpDirection"/>: attribute names, reversal and intersection (RFC 3264 6.1).</summary>
internal static class SdpDirections
{
    /// <summary>True when the side holding this direction sends media.</summary>
    public static bool Sends(this SdpDirection direction) =>
        direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when the side holding this direction receives media.</summary>
    public static bool Receives(this SdpDirection direction) =>
        direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The attribute name (<c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c>, <c>inactive</c>).</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>The direction named by an attribute, or null when the name is not a direction.</summary>
    public static SdpDirection? FromAttributeName(string name) => name switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };

    /// <summary>Builds a direction from whether one side sends and receives.</summary>
    public static SdpDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>The direction seen from the other side: sendonly becomes recvonly and back.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => From(direction.Receives(), direction.Sends());

    /// <summary>What both allow: sends only when both send, receives only when both receive.</summary>
    public static SdpDirection Intersect(this SdpDirection direction, SdpDirection other) =>
        From(direction.Sends() && other.Sends(), direction.Receives() && other.Receives());
}
