using System.Globalization;
using RcmlEngine.Diagnostics;
using RcmlEngine.Sip.Auth;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transport;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Sip.Registrar;

internal sealed partial class SipRegistrar
{
    /// <summary>
    /// Processes one REGISTER in the order of RFC 3261 10.3 and returns the response to send:
    /// 404 for a domain not served (step 1; Require was checked by the stack, step 2); 401 with a
    /// challenge, or 403 when credentials are wrong or name someone unknown (step 3); 403 when To names
    /// another client than the one authenticated (step 4); 404 when To holds no client name (step 5);
    /// 400 for a malformed Contact or Expires (step 6); 423 with Min-Expires, 500 for an out-of-order
    /// CSeq, 503 past a cap (step 7); else 200 listing every current binding with its expires (step 8).
    /// </summary>
    public SipResponse Handle(SipRequest request, SipRemote source)
    {
        var tag = SipStack.NewTag();
        var response = Process(request, source, tag);
        RegistrarMetrics.Requests.Add(1, new KeyValuePair<string, object?>("status", response.StatusCode));
        if (response.StatusCode >= 300)
        {
            Log.Refused(_logger, response.StatusCode, response.ReasonPhrase, source);
        }

        return response;
    }

    private SipResponse Process(SipRequest request, SipRemote source, string tag)
    {
        // The stack's checks guarantee both; a caller handing requests in directly may not.
        if (request.CallId is null || request.CSeq is null)
        {
            return SipResponse.For(request, 400, "Bad Request (REGISTER without Call-ID or CSeq)", tag);
        }

        if (_options.Domains is { Count: > 0 } domains && !domains.Contains(request.Uri.HostWithoutBrackets, StringComparer.OrdinalIgnoreCase))
        {
            return SipResponse.For(request, 404, "Not Found (domain not served here)", tag);
        }

        // Step 3. Wrong credentials and unknown names get the same 403, so names cannot be probed; a
        // 403 rather than another challenge stops a UA from retrying a bad password in a loop. A source
        // past its failures for the minute is not even checked: guessing goes no faster than that.
        var address = AddressRanges.Normalize(source.EndPoint.Address);
        if (_failures.IsExhausted(address))
        {
            return SipResponse.For(request, 403, "Forbidden (too many failed attempts, try later)", tag);
        }

        switch (_digest.Check(request, address, out var username))
        {
            case DigestServer.Verdict.Missing:
                return _digest.Challenge(request, tag, address);
            case DigestServer.Verdict.Stale:
                return _digest.Challenge(request, tag, address, stale: true);
            case DigestServer.Verdict.Rejected:
                _failures.TryAcquire(address);
                return SipResponse.For(request, 403, "Forbidden (wrong credentials)", tag);
        }

        // Steps 4 and 5: the address-of-record is the To URI's user, and only its owner may change it.
        var to = request.To?.Uri;
        if (to is null || !to.IsSip || string.IsNullOrEmpty(to.User))
        {
            return SipResponse.For(request, 404, "Not Found (no client name in To)", tag);
        }

        var user = to.UnescapedUser!;
        if (!string.Equals(user, username, StringComparison.Ordinal))
        {
            return SipResponse.For(request, 403, "Forbidden (To does not match the authenticated user)", tag);
        }

        if (!RegisterUpdate.TryRead(request, _options, out var update, out var status, out var reason))
        {
            var rejection = SipResponse.For(request, status, status == 400 ? $"Bad Request ({reason})" : reason, tag);
            if (status == 423)
            {
                rejection.Headers.Add(SipHeaderNames.MinExpires, ((long)_options.MinExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }

            return rejection;
        }

        var now = _time.GetUtcNow();
        IReadOnlyList<RegistrationBinding> bindings;
        if (update.RemoveAll || update.Contacts.Count > 0)
        {
            var result = _table.Apply(user, update, source, request.Headers[SipHeaderNames.UserAgent], now);
            Raise(result.Changes);
            switch (result.Outcome)
            {
                case BindingUpdateOutcome.OutOfOrder:
                    // RFC 3261 10.3 step 7 says the request fails without naming a code; 500 is what 12.2.2 uses for an out-of-order CSeq.
                    return SipResponse.For(request, 500, "Server Internal Error (CSeq not above the last REGISTER of this Call-ID)", tag);
                case BindingUpdateOutcome.TooManyBindings:
                    return SipResponse.For(request, 503, "Service Unavailable (too many registered contacts)", tag);
                case BindingUpdateOutcome.TooManyUsers:
                    return SipResponse.For(request, 503, "Service Unavailable (registrar full)", tag);
            }

            bindings = result.Bindings;
        }
        else
        {
            // No Contact: a query (RFC 3261 10.2.3).
            bindings = _table.Get(user, now);
        }

        var ok = SipResponse.For(request, 200, toTag: tag);
        foreach (var binding in bindings)
        {
            ok.Headers.Add(SipHeaderNames.Contact, binding.ToContactHeader(now));
        }

        ok.Headers.Add(SipHeaderNames.Date, SipDate.Format(now));
        return ok;
    }
}
