using System.Globalization;

namespace RcmlEngine.Sip.Messages;

/// <summary>A SIP response: status code, reason phrase, headers, body.</summary>
internal sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string? reasonPhrase = null)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase ?? SipStatus.ReasonPhrase(statusCode);
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public override bool IsRequest => false;

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public override string ToString() => $"{StatusCode.ToString(CultureInfo.InvariantCulture)} {ReasonPhrase}";

    /// <summary>
    /// A response to <paramref name="request"/> with Via, From, To, Call-ID and CSeq copied
    /// (RFC 3261 8.2.6.2); <paramref name="toTag"/> is added to To when it has none.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var header in request.Headers.All)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                response.Headers.Add(header.Name, header.Value);
            }
            else if (header.Name == SipHeaderNames.To)
            {
                var to = request.To;
                response.Headers.Add(SipHeaderNames.To, toTag is not null && to is not null && to.Tag is null ? to.WithTag(toTag).ToString() : header.Value);
            }
        }

        return response;
    }
}
