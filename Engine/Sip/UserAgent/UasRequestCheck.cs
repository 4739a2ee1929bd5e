using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>
/// The checks a UAS makes on a request before acting on it (RFC 3261 8.2, in its order): required
/// headers, method, Request-URI scheme, Require, Content-Type, Accept. Returns the rejection to send,
/// or null to go on. ACK is never answered (RFC 3261 17.2.3).
/// </summary>
internal static class UasRequestCheck
{
    private static readonly string[] Required = [SipHeaderNames.To, SipHeaderNames.From, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.Via];

    /// <summary>Methods the user agent implements (RFC 3261 8.2.1).</summary>
    public static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal)
    {
        SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options,
        SipMethods.Info, SipMethods.Refer, SipMethods.Notify, SipMethods.Register,
    };

    /// <summary>Option tags the user agent supports (RFC 3261 8.2.2.3); Require anything else gets 420.</summary>
    public static readonly HashSet<string> SupportedExtensions = new(StringComparer.OrdinalIgnoreCase) { "replaces", "norefersub", "timer" };

    /// <summary>Body types the user agent reads (RFC 3261 8.2.3); anything else gets 415.</summary>
    public static readonly HashSet<string> AcceptedContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/sdp", "multipart/mixed", "multipart/alternative", "application/dtmf-relay", "application/dtmf",
        "message/sipfrag", "text/plain",
    };

    public static SipResponse? Check(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            return null;
        }

        foreach (var name in Required)
        {
            if (!request.Headers.Contains(name))
            {
                return SipResponse.For(request, 400, $"Missing {name}");
            }
        }

        foreach (var name in SipHeaderNames.SingleValued)
        {
            if (request.Headers.CountOf(name) > 1)
            {
                return SipResponse.For(request, 400, $"Multiple {name}");
            }
        }

        if (!KnownMethods.Contains(request.Method))
        {
            var response = SipResponse.For(request, 405);
            response.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
            return response;
        }

        if (request.Uri.Scheme is not ("sip" or "sips" or "tel"))
        {
            return SipResponse.For(request, 416);
        }

        if (request.Method != SipMethods.Cancel)
        {
            var unsupported = request.OptionTags(SipHeaderNames.Require).Where(t => !SupportedExtensions.Contains(t)).ToList();
            if (unsupported.Count > 0)
            {
                var response = SipResponse.For(request, 420);
                response.Headers.Add(SipHeaderNames.Unsupported, string.Join(", ", unsupported));
                return response;
            }
        }

        if (!request.Body.IsEmpty && request.ContentType is { } type && !AcceptedContentTypes.Contains(MediaType(type)))
        {
            var response = SipResponse.For(request, 415);
            response.Headers.Add(SipHeaderNames.Accept, string.Join(", ", AcceptedContentTypes));
            return response;
        }

        if (request.Method == SipMethods.Invite && request.Headers.Contains(SipHeaderNames.Accept) && !AcceptsSdp(request))
        {
            // RFC 3261 21.4.7 / RFC 4475 3.3.15: our answer would be SDP, which the caller does not accept.
            var response = SipResponse.For(request, 406);
            response.Headers.Add(SipHeaderNames.Accept, "application/sdp");
            return response;
        }

        return null;
    }

    /// <summary>The media type without parameters, e.g. <c>application/sdp</c>.</summary>
    public static string MediaType(string contentType)
    {
        var semi = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semi < 0 ? contentType : contentType[..semi]).Trim();
    }

    private static bool AcceptsSdp(SipRequest request) =>
        request.OptionTags(SipHeaderNames.Accept).Select(MediaType).Any(t =>
            t.Equals("application/sdp", StringComparison.OrdinalIgnoreCase) ||
            t.Equals("application/*", StringComparison.OrdinalIgnoreCase) || t == "*/*");
}
