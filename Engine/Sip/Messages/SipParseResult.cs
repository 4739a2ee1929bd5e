namespace RcmlEngine.Sip.Messages;

/// <summary>
/// What <see cref="SipParser"/> made of some bytes: a message, or an error naming the header (or
/// the start line, or the body) at fault. A request that failed validation but whose start line
/// was readable comes with <see cref="RejectStatus"/> (400, or 505 for an unknown version) and its
/// headers as received in <see cref="Unvalidated"/>, so a UAS can answer it (RFC 3261 8.2.6).
/// </summary>
internal sealed class SipParseResult
{
    public SipMessage? Message { get; private init; }

    public string? Error { get; private init; }

    /// <summary>Where the error is: a header name, <c>start line</c>, <c>headers</c> or <c>body</c>.</summary>
    public string? Where { get; private init; }

    /// <summary>The status a UAS answers with, or 0 when the input is to be dropped silently.</summary>
    public int RejectStatus { get; private init; }

    public SipRequest? Unvalidated { get; private init; }

    public bool Success => Message is not null;

    /// <summary>"Via: empty parameter name" style text for logs and test messages.</summary>
    public string Describe() => Success ? "ok" : $"{Where}: {Error}";

    public static SipParseResult Ok(SipMessage message) => new() { Message = message };

    public static SipParseResult Fail(string where, string error, int rejectStatus = 0, SipRequest? unvalidated = null) =>
        new() { Where = where, Error = error, RejectStatus = unvalidated is null ? 0 : rejectStatus, Unvalidated = unvalidated };
}
