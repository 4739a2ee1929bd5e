using System.Globalization;
using RcmlEngine.Calls.Transfers;

namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// A simulated blind transfer, so <c>rcml run</c> shows what <c>&lt;Refer&gt;</c> does: the phone accepts the
/// REFER (202) and the target answers (NOTIFY 200) at once, unless <see cref="ReferOutcome"/> says otherwise.
/// The engine then hangs the phone up as it would a SIP leg.
/// </summary>
internal sealed partial class VirtualPhone : IReferableCall
{
    /// <summary>A transfer the target answered: <c>in-progress</c>, REFER 202, NOTIFY 200.</summary>
    public static readonly ReferResult TransferAnswered = new(ReferCallStatus.InProgress, 202, 200);

    /// <summary>How each simulated transfer ends; default <see cref="TransferAnswered"/>.</summary>
    public Func<ReferRequest, ReferResult> ReferOutcome { get; set; } = _ => TransferAnswered;

    /// <inheritdoc />
    public Task<ReferResult> ReferAsync(ReferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowUnlessAnswered(cancellationToken);
        var target = request.Target.Trim();
        if (!target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{request.Target}' is not a sip: or sips: URI", nameof(request));
        }

        var result = ReferOutcome(request);
        var notify = result.NotifyStatusCode is { } code ? ", NOTIFY " + code.ToString(CultureInfo.InvariantCulture) : string.Empty;
        Record(VirtualPhoneEventKind.Referred,
            $"REFER to {target}: {result.ReferStatusCode.ToString(CultureInfo.InvariantCulture)}{notify} ({result.StatusValue})");
        return Task.FromResult(result);
    }
}
