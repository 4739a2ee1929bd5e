namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// A SIP dialog as RFC 3891's <c>Replaces</c> names it: Call-ID, <c>to-tag</c>, <c>from-tag</c>.
/// </summary>
/// <param name="CallId">The dialog's Call-ID.</param>
/// <param name="ToTag">The <c>to-tag</c> parameter.</param>
/// <param name="FromTag">The <c>from-tag</c> parameter.</param>
internal readonly record struct CallDialogId(string CallId, string ToTag, string FromTag)
{
    /// <summary>
    /// Reads a Replaces value (<c>callid;to-tag=a;from-tag=b</c>, RFC 3891 6.1), already unescaped;
    /// false when the Call-ID or either tag is missing (the <c>early-only</c> flag and unknown parameters are ignored).
    /// </summary>
    public static bool TryParse(string? value, out CallDialogId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        string? to = null;
        string? from = null;
        foreach (var part in parts.AsSpan(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            var text = part[(equals + 1)..].Trim();
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase))
            {
                to = text;
            }
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase))
            {
                from = text;
            }
        }

        if (parts[0].Length == 0 || string.IsNullOrEmpty(to) || string.IsNullOrEmpty(from))
        {
            return false;
        }

        id = new CallDialogId(parts[0], to, from);
        return true;
    }

    /// <summary>
    /// True when this names the dialog with <paramref name="callId"/> and the two tags, in either order
    /// (RFC 3891 3: the to-tag is the recipient's local tag; some phones swap them, so both are matched).
    /// </summary>
    public bool Names(string callId, string localTag, string? remoteTag) =>
        string.Equals(CallId, callId, StringComparison.Ordinal)
        && ((string.Equals(ToTag, localTag, StringComparison.Ordinal) && string.Equals(FromTag, remoteTag, StringComparison.Ordinal))
            || (string.Equals(FromTag, localTag, StringComparison.Ordinal) && string.Equals(ToTag, remoteTag, StringComparison.Ordinal)));
}
