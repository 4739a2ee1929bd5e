using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>A provisional response (180 ringing, 183 with early media...) to an outgoing call.</summary>
internal sealed class SipProvisionalEventArgs(SipResponse response) : EventArgs
{
    public int StatusCode => Response.StatusCode;

    public string ReasonPhrase => Response.ReasonPhrase;

    /// <summary>The early-media answer when the response carries one.</summary>
    public SipBody Body => new(Response.Body, Response.ContentType ?? string.Empty);

    public SipResponse Response { get; } = response;
}
