namespace RcmlEngine.Sdp;

/// <summary>One <c>a=</c> line: a property attribute (<c>a=sendrecv</c>, no value) or a value attribute (<c>a=ptime:20</c>).</summary>
/// <param name="Name">The attribute name, before the first colon.</param>
/// <param name="Value">The text after the first colon, or null for a property attribute.</param>
internal sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <summary>Parses the text after <c>a=</c>.</summary>
    public static SdpAttribute Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttribute(text) : new SdpAttribute(text[..colon], text[(colon + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
