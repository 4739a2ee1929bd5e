using RcmlEngine.Calls;

namespace RcmlEngine.Execution.Requests;

/// <summary>
/// The parameters Twilio sends with every request about a call: <c>CallSid</c>, <c>AccountSid</c>,
/// <c>From</c>, <c>To</c>, <c>CallStatus</c>, <c>ApiVersion</c>, <c>Direction</c>, the legacy <c>Caller</c>
/// and <c>Called</c>, and when known <c>ForwardedFrom</c>, <c>CallerName</c>, <c>ParentCallSid</c>, and
/// for SIP calls <c>SipCallId</c>, <c>SipSourceIp</c> and one <c>SipHeader_X-Name</c> per X- header.
/// </summary>
internal static class CallParameters
{
    /// <summary>Twilio's REST API version, sent as <c>ApiVersion</c>.</summary>
    public const string ApiVersion = "2010-04-01";

    /// <summary>The prefix of the parameters that carry the INVITE's X- headers.</summary>
    public const string SipHeaderPrefix = "SipHeader_";

    /// <summary>The standard parameters of <paramref name="call"/>, with its current status or <paramref name="status"/>.</summary>
    public static List<KeyValuePair<string, string>> Standard(ICall call, CallStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var info = call.Info;
        var parameters = new List<KeyValuePair<string, string>>(16)
        {
            new("CallSid", info.CallSid),
            new("AccountSid", info.AccountSid),
            new("From", info.From),
            new("To", info.To),
            new("CallStatus", (status ?? call.Lifecycle.Status).ToWebhookValue()),
            new("ApiVersion", ApiVersion),
            new("Direction", info.Direction.ToWebhookValue()),
            new("Caller", info.From),
            new("Called", info.To),
        };
        AddIfPresent(parameters, "ForwardedFrom", info.ForwardedFrom);
        AddIfPresent(parameters, "CallerName", info.CallerName);
        AddIfPresent(parameters, "ParentCallSid", info.ParentCallSid);
        AddIfPresent(parameters, "SipCallId", info.SipCallId);
        AddIfPresent(parameters, "SipSourceIp", info.SipSourceIp);
        foreach (var (name, value) in info.SipHeaders)
        {
            parameters.Add(new(SipHeaderPrefix + name, value));
        }

        return parameters;
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add(new(name, value));
        }
    }
}
