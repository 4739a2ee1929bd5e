using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// How an outgoing call's INVITE ended: the final status (2xx answered; 408 no answer; 487 cancelled;
/// 503 unreachable...), the response's headers and the answer body.
/// </summary>
internal sealed class SipCallOutcome(SipResponse response)
{
    public int StatusCode => Response.StatusCode;

    public string ReasonPhrase => Response.ReasonPhrase;

    public bool IsAnswered => Response.IsSuccess;

    public IReadOnlyList<SipHeader> Headers => Response.Headers.All;

    public SipBody Body => new(Response.Body, Response.ContentType ?? string.Empty);

    public SipResponse Response { get; } = response;

    public override string ToString() => Response.ToString();
}
