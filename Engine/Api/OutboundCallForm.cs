using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Outbound;

namespace RcmlEngine.Api;

/// <summary>
/// The parameters every API request that places a call shares (<c>POST Calls.json</c> and
/// <c>POST Participants.json</c>): To (a <c>sip:</c> URI with headers and transport, <c>client:name</c>, or a
/// number for the trunks), From, CallerId, Timeout, SipAuthUsername and SipAuthPassword.
/// </summary>
internal static partial class OutboundCallForm
{
    /// <summary>Twilio's default ring time, and its most.</summary>
    public static readonly (int Default, int Max) Timeout = (60, 600);

    /// <summary>The longest call Twilio allows by default (4 hours), and its most (24 hours).</summary>
    public static readonly (int Default, int Max) TimeLimit = (14400, 86400);

    /// <summary>Whom to call and as whom; problems recorded on <paramref name="reader"/> (21201, 21603, 21211).</summary>
    public static (string To, DialTargetKind Kind, string From) ReadParties(ApiFormReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var to = reader.Text("To");
        if (to is null)
        {
            reader.Fail(ApiErrors.MissingTo, "A 'To' phone number, SIP URI or client is required");
        }

        var from = reader.Text("From", 256);
        if (from is null)
        {
            reader.Fail(ApiErrors.MissingFrom, "A 'From' phone number is required");
        }

        var kind = to is null ? DialTargetKind.Sip : KindOf(reader, to);
        var target = to is null ? string.Empty : TargetOf(to, kind);
        return (target, kind, from ?? string.Empty);
    }

    /// <summary>
    /// The request placing a call to <paramref name="parties"/> that runs <paramref name="application"/>, with
    /// CallerId, Timeout and the SIP credentials of <paramref name="reader"/>'s form.
    /// </summary>
    public static OutboundCallRequest Request(ApiFormReader reader, ApiAccount account, (string To, DialTargetKind Kind, string From) parties,
        CallApplication application, OutboundRecording? recording)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(account);
        return new OutboundCallRequest
        {
            To = parties.To,
            ToKind = parties.Kind,
            From = parties.From,
            CallerId = reader.Text("CallerId", 256),
            Application = application,
            Account = account.Account,
            RingTimeout = TimeSpan.FromSeconds(reader.Integer("Timeout", 1, Timeout.Max) ?? Timeout.Default),
            Username = reader.Text("SipAuthUsername", 256),
            Password = reader.Text("SipAuthPassword", 256),
            Recording = recording,
        };
    }

    /// <summary>The answer to a call the launcher could not place: 503 (20503) when the engine is overloaded, else 400 (21211).</summary>
    public static IResult Refused(OutboundCallResult placed)
    {
        ArgumentNullException.ThrowIfNull(placed);
        return placed.Overloaded
            ? ApiErrors.Of(StatusCodes.Status503ServiceUnavailable, ApiErrors.ServiceUnavailable, $"The call cannot be placed now: {placed.Error}")
            : ApiErrors.BadRequest(ApiErrors.InvalidTo, $"The 'To' party cannot be called: {placed.Error}");
    }

    private static DialTargetKind KindOf(ApiFormReader reader, string to)
    {
        if (to.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            return DialTargetKind.Sip;
        }

        if (to.StartsWith("client:", StringComparison.OrdinalIgnoreCase))
        {
            if (to.Length == "client:".Length)
            {
                reader.Fail(ApiErrors.InvalidTo, "To 'client:' names no client");
            }

            return DialTargetKind.Client;
        }

        if (!PhoneNumber().IsMatch(to))
        {
            reader.Fail(ApiErrors.InvalidTo, $"Invalid 'To' Phone Number: '{to}' is not a number, a sip: URI or client:name");
        }

        return DialTargetKind.Number;
    }

    private static string TargetOf(string to, DialTargetKind kind) => kind switch
    {
        DialTargetKind.Client => to["client:".Length..],
        _ => to,
    };

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-/]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
