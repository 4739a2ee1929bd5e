using Microsoft.Extensions.Logging;
using System.Globalization;
using System.Net;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

internal sealed partial class SipStack
{
    /// <summary>Seconds a rate-limited source is told to wait (Retry-After, RFC 3261 20.33).</summary>
    private const int RateLimitRetryAfterSeconds = 1;

    /// <summary>
    /// The source checks of a request outside a dialog, before any other work: 403 for a source outside
    /// <see cref="SipStackOptions.AllowedSources"/>, 503 with Retry-After for an INVITE beyond
    /// <see cref="SipStackOptions.MaxInvitesPerSourcePerSecond"/>. Null when the request may go on.
    /// </summary>
    private SipResponse? Admit(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var source = AddressRanges.Normalize(transaction.Source.EndPoint.Address);
        if (Options.AllowedSources is { } allowed && !AddressRanges.Contains(allowed, source))
        {
            LogRefused(request, source, 403);
            return SipResponse.For(request, 403, "Forbidden (source not allowed)", NewTag());
        }

        if (request.Method == SipMethods.Invite && !_invitesPerSource.TryAcquire(source))
        {
            LogRefused(request, source, 503);
            var response = SipResponse.For(request, 503, "Service Unavailable (too many calls from this source)", NewTag());
            response.Headers.Add(SipHeaderNames.RetryAfter, RateLimitRetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
            return response;
        }

        return null;
    }

    private void LogRefused(SipRequest request, IPAddress source, int status)
    {
        if (_logger.IsEnabled(LogLevel.Information) && Transport.LogThrottle.ShouldLog(_logger, source))
        {
            var method = LogText.Escape(request.Method);
            Log.SourceRefused(_logger, method, source, status);
        }
    }

    /// <summary>True when an INVITE from <paramref name="source"/> must answer a digest challenge.</summary>
    private bool MustAuthenticate(IPAddress source) =>
        _digestServer is not null && !AddressRanges.Contains(Options.InboundAuthentication!.TrustedSources, source);
}
