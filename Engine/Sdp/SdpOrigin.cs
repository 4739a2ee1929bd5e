namespace RcmlEngine.Sdp;

/// <summary>The <c>o=</c> line (RFC 4566 5.2). The version grows each time a side changes its description (RFC 3264 8).</summary>
internal sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
