using RcmlEngine.Calls.ClickToCall;
using RcmlEngine.Sip.Messages;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>The outbound leg's transfer (REFER, RFC 3515) for the click-to-call controller.</summary>
internal sealed partial class SipOutboundCall : IReferableCall
{
    private EventHandler<TransferProgressEventArgs>? _transferProgress;
    private int _referWatched;

    /// <inheritdoc />
    event EventHandler<TransferProgressEventArgs>? IReferableCall.TransferProgress
    {
        add => _transferProgress += value;
        remove => _transferProgress -= value;
    }

    /// <inheritdoc />
    async Task<TransferAnswer> IReferableCall.ReferAsync(string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!SipUri.TryParse(target.Trim(), out var uri, out var error) || !uri.IsSip)
        {
            throw new ArgumentException($"'{target}' is not a SIP URI: {error ?? "another scheme"}", nameof(target));
        }

        if (Interlocked.Exchange(ref _referWatched, 1) == 0)
        {
            _sip.ReferProgress += OnReferProgress;
        }

        var response = await _sip.ReferAsync(uri, cancellationToken);
        return new TransferAnswer(response.StatusCode, response.ReasonPhrase);
    }

    private void OnReferProgress(object? sender, SipReferProgressEventArgs e) =>
        _transferProgress?.Invoke(this, new TransferProgressEventArgs(e.StatusCode, e.ReasonPhrase, e.IsFinal));
}
