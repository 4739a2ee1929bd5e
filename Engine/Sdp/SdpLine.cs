namespace RcmlEngine.Sdp;

/// <summary>A line the model keeps as written (<c>b=</c>, <c>i=</c>, <c>k=</c>...), so a description survives a round trip.</summary>
internal sealed record SdpLine(char Type, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}={Value}";
}
