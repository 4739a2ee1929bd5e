using RcmlEngine.Calls.Dialing;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Calls.Sip;

/// <summary>A REFER from a leg's phone as the call layer sees it (<see cref="CallTransferRequest"/>).</summary>
internal sealed class SipCallTransferRequest : CallTransferRequest
{
    private readonly SipIncomingRefer _refer;

    public SipCallTransferRequest(SipIncomingRefer refer)
    {
        ArgumentNullException.ThrowIfNull(refer);
        _refer = refer;
        CustomHeaders = refer.Headers
            .Where(h => h.Name.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Name, h.Value))
            .ToList();
        Replaces = ReplacesOf(refer.ReferTo.Uri.Headers);
    }

    /// <inheritdoc />
    public override string Target => _refer.ReferToValue;

    /// <inheritdoc />
    public override string TargetUri => _refer.ReferTo.Uri.WithoutHeaders().ToString();

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, string>> CustomHeaders { get; }

    /// <inheritdoc />
    public override CallDialogId? Replaces { get; }

    /// <inheritdoc />
    public override bool IsFinished => _refer.IsTerminated;

    /// <inheritdoc />
    public override Task AcceptAsync(CancellationToken cancellationToken) => _refer.AcceptAsync(cancellationToken);

    /// <inheritdoc />
    public override void Decline(int statusCode) => _refer.Reject(statusCode);

    /// <inheritdoc />
    public override async Task NotifyAsync(int statusCode, CancellationToken cancellationToken)
    {
        if (_refer.IsTerminated)
        {
            return;
        }

        try
        {
            await _refer.NotifyAsync(statusCode, null, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The transferor may have hung up already (RFC 5589 lets it leave after the 202).
        }
    }

    // The Replaces header embedded in the Refer-To URI (?Replaces=callid%3Bto-tag%3D...), RFC 3891 / RFC 3261 19.1.1.
    private static CallDialogId? ReplacesOf(string? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var header in headers.Split('&'))
        {
            var equals = header.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && header[..equals].Equals("Replaces", StringComparison.OrdinalIgnoreCase)
                && CallDialogId.TryParse(Uri.UnescapeDataString(header[(equals + 1)..]), out var id))
            {
                return id;
            }
        }

        return null;
    }
}
