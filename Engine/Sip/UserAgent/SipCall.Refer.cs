using System.Globalization;
using System.Text;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.Transactions;

namespace RcmlEngine.Sip.UserAgent;

/// <summary>The referrer's side of a transfer (RFC 3515, 3892, 4488): REFER out, NOTIFY in.</summary>
internal abstract partial class SipCall
{
    /// <summary>RFC 4488 4.2: <c>Refer-Sub: false</c> on a 2xx to REFER says no implicit subscription (no NOTIFY) was made.</summary>
    internal const string ReferSubHeader = "Refer-Sub";

    /// <summary>
    /// Sends REFER (RFC 3515) asking the peer to call <paramref name="target"/>, whose own headers are dropped
    /// and replaced by <paramref name="uriHeaders"/> as Refer-To URI headers (RFC 3261 19.1.1, escaped), which
    /// the peer puts on its INVITE. Referred-By (RFC 3892) names our end of the dialog. The implicit
    /// subscription is asked for (no <c>Refer-Sub</c>: RFC 4488 makes it the default), so progress arrives as
    /// <see cref="ReferProgress"/>. Returns the REFER's final response (202 when accepted; a 2xx with
    /// <c>Refer-Sub: false</c> means no NOTIFY will come).
    /// </summary>
    public Task<SipResponse> ReferAsync(SipUri target, IReadOnlyCollection<KeyValuePair<string, string>> uriHeaders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var dialog = RequireConfirmed();
        var referTo = SipUriHeaders.With(target, uriHeaders);
        KeyValuePair<string, string>[] headers =
        [
            new(SipHeaderNames.ReferTo, new SipNameAddress(referTo).ToString()),
            new(SipHeaderNames.ReferredBy, new SipNameAddress(dialog.Local.Uri.WithoutHeaders()).ToString()),
        ];
        return SendInDialogAsync(SipMethods.Refer, SipBody.None, headers, cancellationToken);
    }

    /// <summary>
    /// A NOTIFY in the dialog (RFC 6665 4.1.3): for the <c>refer</c> package, 200 and a
    /// <see cref="ReferProgress"/> with the status line of its <c>message/sipfrag</c> body (RFC 3515 2.4.5);
    /// a NOTIFY ending the subscription without a readable sipfrag still reports the end (status 0).
    /// Other event packages: 489 Bad Event.
    /// </summary>
    private void OnNotify(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        var ev = request.Headers[SipHeaderNames.Event]?.Trim() ?? string.Empty;
        var package = ev.Split(';', 2)[0].Trim();
        if (!package.Equals("refer", StringComparison.OrdinalIgnoreCase))
        {
            Stack.Respond(transaction, SipResponse.For(request, 489));
            return;
        }

        Stack.Respond(transaction, SipResponse.For(request, 200));
        var terminated = request.Headers[SipHeaderNames.SubscriptionState]?.Trim().StartsWith("terminated", StringComparison.OrdinalIgnoreCase) == true;
        var (status, reason) = ReadSipFrag(request.Body.Span);
        if (status == 0 && !terminated)
        {
            return;
        }

        RaiseReferProgress(new SipReferProgressEventArgs(status, reason, terminated || status >= 200, terminated));
    }

    /// <summary>The status code and reason of a sipfrag's first line (<c>SIP/2.0 180 Ringing</c>); (0, "") when it is none.</summary>
    internal static (int Status, string Reason) ReadSipFrag(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var line = text.Split('\n', 2)[0].Trim();
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase) ||
            parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 100)
        {
            return (0, string.Empty);
        }

        return (status, parts.Length > 2 ? parts[2] : string.Empty);
    }
}
