using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// The webhook facts of an inbound SIP call (Twilio's parameters): From and To (the URIs' users), the
/// caller's display name, where it was forwarded from (<c>Diversion</c>, else <c>History-Info</c>), the
/// Call-ID, the source address, and the <c>X-</c> headers.
/// </summary>
internal static class SipCallInfoReader
{
    /// <summary>The most <c>X-</c> headers passed on as <c>SipHeader_X-*</c> parameters.</summary>
    public const int MaxCustomHeaders = 32;

    /// <summary>Reads the call's facts from its INVITE.</summary>
    public static CallInfo Read(SipIncomingCall call, string callSid, string accountSid)
    {
        ArgumentNullException.ThrowIfNull(call);
        var invite = call.Invite;
        return new CallInfo
        {
            CallSid = callSid,
            AccountSid = accountSid,
            From = UserOrUri(call.From.Uri),
            To = UserOrUri(call.RequestUri),
            Direction = CallDirection.Inbound,
            CallerName = string.IsNullOrWhiteSpace(call.From.DisplayName) ? null : call.From.DisplayName,
            ForwardedFrom = ForwardedFrom(invite),
            SipCallId = call.CallId,
            SipSourceIp = call.Source.EndPoint.Address.IsIPv4MappedToIPv6
                ? call.Source.EndPoint.Address.MapToIPv4().ToString()
                : call.Source.EndPoint.Address.ToString(),
            SipHeaders = invite.Headers.All
                .Where(h => h.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
                .Take(MaxCustomHeaders)
                .Select(h => new KeyValuePair<string, string>(h.Name, h.Value))
                .ToList(),
        };
    }

    /// <summary>The user part of a SIP or tel URI (a number or a name), or the whole URI without one.</summary>
    public static string UserOrUri(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.UnescapedUser is { Length: > 0 } user ? user : uri.ToString();
    }

    private static string? ForwardedFrom(SipRequest invite)
    {
        // RFC 5806 Diversion (first entry: the last redirection); RFC 7044 History-Info otherwise.
        var value = invite.Headers.GetValues("Diversion").FirstOrDefault() ?? invite.Headers.GetValues("History-Info").FirstOrDefault();
        return value is not null && SipNameAddress.TryParse(value, out var address, out _) ? UserOrUri(address.Uri) : null;
    }
}
