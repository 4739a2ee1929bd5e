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
}
