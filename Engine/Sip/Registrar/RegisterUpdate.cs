using System.Globalization;
using RcmlEngine.Sip.Messages;

namespace RcmlEngine.Sip.Registrar;

/// <summary>
/// What a REGISTER asks of the bindings of its address-of-record, read and checked before anything
/// changes (RFC 3261 10.3 steps 6 and 7): remove all (<c>Contact: *</c>), add, refresh or remove
/// each Contact, or nothing (a query).
/// </summary>
internal sealed class RegisterUpdate
{
    private RegisterUpdate(string callId, long cseq, bool removeAll, IReadOnlyList<RequestedContact> contacts)
    {
        CallId = callId;
        CSeq = cseq;
        RemoveAll = removeAll;
        Contacts = contacts;
    }

    public string CallId { get; }

    public long CSeq { get; }

    /// <summary><c>Contact: *</c> with <c>Expires: 0</c>: remove every binding of the address-of-record.</summary>
    public bool RemoveAll { get; }

    public IReadOnlyList<RequestedContact> Contacts { get; }

    /// <summary>
    /// Reads the Contact and Expires headers of <paramref name="request"/>. On failure
    /// <paramref name="status"/> is 400 (with <paramref name="reason"/> naming the header at fault) or
    /// 423 when an interval is shorter than <see cref="SipRegistrarOptions.MinExpires"/>.
    /// </summary>
    public static bool TryRead(SipRequest request, SipRegistrarOptions options, out RegisterUpdate update, out int status, out string reason)
    {
        update = null!;
        status = 400;
        long? headerExpires = null;
        if (request.Headers[SipHeaderNames.Expires] is { } expiresText)
        {
            if (!TryParseDeltaSeconds(expiresText, out var seconds))
            {
                reason = $"Expires '{Shorten(expiresText)}' is not a number of seconds";
                return false;
            }

            headerExpires = seconds;
        }

        var values = request.Headers.GetValues(SipHeaderNames.Contact);
        if (values.Any(v => v.Trim() == "*"))
        {
            // RFC 3261 10.3 step 6: '*' alone, and only with Expires: 0.
            if (values.Count > 1 || headerExpires != 0)
            {
                reason = "Contact '*' must be the only Contact and come with Expires: 0";
                return false;
            }

            update = new RegisterUpdate(request.CallId!, request.CSeq!.Value.Number, removeAll: true, []);
            reason = string.Empty;
            return true;
        }

        var contacts = new List<RequestedContact>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (!TryReadContact(values[i], headerExpires, options, out var contact, out reason))
            {
                reason = $"Contact {(i + 1).ToString(CultureInfo.InvariantCulture)}: {reason}";
                return false;
            }

            contacts.Add(contact);
        }

        // RFC 3261 10.3 step 7: refuse an interval above zero, under an hour and under our minimum, before changing anything.
        if (contacts.Any(c => c.Expires > TimeSpan.Zero && c.Expires < options.MinExpires && c.Expires < SipRegistrarOptions.OneHour))
        {
            status = 423;
            reason = SipStatus.ReasonPhrase(423);
            return false;
        }

        update = new RegisterUpdate(request.CallId!, request.CSeq!.Value.Number, removeAll: false, contacts);
        reason = string.Empty;
        return true;
    }

    private static bool TryReadContact(string value, long? headerExpires, SipRegistrarOptions options, out RequestedContact contact, out string reason)
    {
        contact = null!;
        if (!SipNameAddress.TryParse(value, out var address, out reason))
        {
            return false;
        }

        if (!address.Uri.IsSip)
        {
            reason = $"scheme '{address.Uri.Scheme}' cannot be called back; register a sip or sips URI";
            return false;
        }

        long seconds;
        if (address.Parameters["expires"] is { } parameter)
        {
            // RFC 3261 10.2.1.1: the Contact's own expires wins over the Expires header.
            if (!TryParseDeltaSeconds(parameter, out seconds))
            {
                reason = $"expires '{Shorten(parameter)}' is not a number of seconds";
                return false;
            }
        }
        else
        {
            seconds = headerExpires ?? (long)options.DefaultExpires.TotalSeconds;
        }

        double? q = null;
        if (address.Parameters["q"] is { } qText)
        {
            if (!TryParseQValue(qText, out var parsed))
            {
                reason = $"q '{Shorten(qText)}' is not a qvalue between 0 and 1";
                return false;
            }

            q = parsed;
        }

        var parameters = new SipParameters(address.Parameters);
        parameters.Remove("expires");
        var expires = TimeSpan.FromSeconds(Math.Min(seconds, (long)options.MaxExpires.TotalSeconds));
        contact = new RequestedContact(new SipNameAddress(address.Uri, address.DisplayName, parameters), expires, q,
            InstanceOf(address.Parameters["+sip.instance"]), address.Parameters["reg-id"]);
        reason = string.Empty;
        return true;
    }

    /// <summary>RFC 3261 25.1 delta-seconds; values past 2^32-1 count as 2^32-1 (RFC 3261 20.19).</summary>
    private static bool TryParseDeltaSeconds(string text, out long seconds)
    {
        var digits = text.AsSpan().Trim(" \t");
        seconds = 0;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        seconds = digits.Length > 10 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue
            ? uint.MaxValue
            : value;
        return true;
    }

    /// <summary>RFC 3261 25.1 qvalue: <c>0[.ddd]</c> or <c>1[.000]</c>.</summary>
    private static bool TryParseQValue(string text, out double q)
    {
        q = 0;
        var span = text.AsSpan();
        if (span.Length is 0 or > 5 || span[0] is not ('0' or '1') || (span.Length > 1 && span[1] != '.') ||
            (span.Length > 2 && span[2..].ContainsAnyExceptInRange('0', '9')))
        {
            return false;
        }

        return double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out q) && q <= 1.0;
    }

    /// <summary>The URN inside <c>"&lt;urn:uuid:...&gt;"</c> (RFC 5626 4.1), or null when absent or empty.</summary>
    private static string? InstanceOf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim().Trim('"').Trim();
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            text = text[1..^1];
        }

        return text.Length == 0 ? null : text;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
