namespace RcmlEngine.Sdp;

/// <summary>Why an SDP body was refused, naming the line (1-based) and its text.</summary>
/// <param name="LineNumber">The 1-based line, or 0 when the problem is the body as a whole.</param>
/// <param name="Line">The offending line as received (empty for a whole-body problem).</param>
/// <param name="Message">What is wrong with it.</param>
internal sealed record SdpParseError(int LineNumber, string Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => LineNumber == 0
        ? $"SDP: {Message}"
        : $"SDP line {LineNumber} \"{Line}\": {Message}";
}
