using RcmlEngine.Calls.Dialing;
using RcmlEngine.Sip.Registrar;

namespace RcmlEngine.Calls.Sip;

/// <summary>
/// Turns a Dial party into SIP targets: a SIP URI is checked (UDP or TCP, Twilio's length limits); a
/// number goes to the trunk of the <see cref="DialPlan"/>, rewritten, with the trunk's credentials; a
/// client is rung at every current registration, each INVITE sent on the flow its REGISTER came from
/// (docs/sip.md, "Reaching a registered client").
/// </summary>
internal sealed class SipDialPlanner(DialPlan plan, SipRegistrar? registrar)
{
    /// <summary>The SIP requests of <paramref name="request"/>'s party, or why it cannot be called.</summary>
    public DialExpansion Expand(DialRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            DialTargetKind.Number => Number(request),
            DialTargetKind.Client => Client(request),
            _ => SipDialTarget.TryParse(request.Target, out _, out _, out var error)
                ? DialExpansion.Of(request)
                : DialExpansion.Failure(error!),
        };
    }

    private DialExpansion Number(DialRequest request)
    {
        if (!plan.TryRoute(request.Target, out var trunk, out var uri, out var error))
        {
            return DialExpansion.Failure(error!);
        }

        return DialExpansion.Of(request with
        {
            Target = uri!,
            Kind = DialTargetKind.Sip,
            Username = request.Username ?? trunk!.Username,
            Password = request.Password ?? trunk!.Password,
        });
    }

    private DialExpansion Client(DialRequest request)
    {
        if (registrar is null)
        {
            return DialExpansion.Failure($"client '{request.Target}' cannot be rung: no clients are configured (Clients), so nothing registers");
        }

        var bindings = registrar.Lookup(request.Target.Trim());
        if (bindings.Count == 0)
        {
            return DialExpansion.Failure($"client '{request.Target}' has no registration now", DialStatus.NoAnswer);
        }

        return new DialExpansion(
            [.. bindings.Select(b => request with { Target = b.ContactUri.ToString(), Kind = DialTargetKind.Sip, Destination = b.Flow })],
            null);
    }
}
