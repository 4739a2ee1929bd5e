using System.Globalization;

namespace RcmlEngine.Sip.Messages;

/// <summary>A SIP request: method, Request-URI, headers, body.</summary>
internal sealed class SipRequest : SipMessage
{
    public SipRequest(string method, SipUri uri)
    {
        Method = method;
        Uri = uri;
    }

    public string Method { get; }

    public SipUri Uri { get; set; }

    public override bool IsRequest => true;

    /// <summary>Max-Forwards, or null when absent or not a number.</summary>
    public int? MaxForwards =>
        int.TryParse(Headers[SipHeaderNames.MaxForwards], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public override string ToString() => $"{Method} {Uri}";

    /// <summary>
    /// A copy for a new transaction (RFC 3261 8.1.3.5, 22.2): same URI, headers and body, no Via,
    /// CSeq raised to <paramref name="cseq"/>.
    /// </summary>
    public SipRequest CopyForRetry(long cseq)
    {
        var copy = new SipRequest(Method, Uri) { Body = Body };
        foreach (var header in Headers.All)
        {
            if (header.Name == SipHeaderNames.Via)
            {
                continue;
            }

            copy.Headers.Add(header.Name, header.Name == SipHeaderNames.CSeq ? new SipCSeq(cseq, Method).ToString() : header.Value);
        }

        return copy;
    }
}
