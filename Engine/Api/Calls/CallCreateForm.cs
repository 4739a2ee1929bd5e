using System.Text.RegularExpressions;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Api.Calls;

/// <summary>
/// Reads <c>POST Calls.json</c>: To (a <c>sip:</c> URI with headers and transport, <c>client:name</c>, or a
/// number for the trunks), From, Url or Twiml, Method, FallbackUrl/FallbackMethod, StatusCallback,
/// StatusCallbackEvent, StatusCallbackMethod, SendDigits, Timeout, TimeLimit, CallerId, SipAuthUsername,
/// SipAuthPassword, Record and its recording parameters. Unknown parameters are ignored, as Twilio does.
/// </summary>
internal static partial class CallCreateForm
{
    /// <summary>Twilio's default ring time, and its most.</summary>
    public static readonly (int Default, int Max) Timeout = (60, 600);

    /// <summary>The longest call Twilio allows by default (4 hours), and its most (24 hours).</summary>
    public static readonly (int Default, int Max) TimeLimit = (14400, 86400);

    /// <summary>The request, or null with the error recorded on <paramref name="reader"/>.</summary>
    public static OutboundCallRequest? Read(ApiFormReader reader, ApiAccount account, IRcmlDocumentReader documents, Uri engineBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(account);
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
        var url = reader.Url("Url", ApiErrors.InvalidUrl);
        var twiml = TwimlParameter.Read(reader, documents);
        if (url is null && twiml is null && reader.Error is null)
        {
            reader.Fail(ApiErrors.InvalidUrl, "Either Url or Twiml is required");
        }

        var application = new CallApplication
        {
            VoiceUrl = url ?? engineBaseUrl,
            VoiceMethod = reader.Method("Method"),
            VoiceTwiml = url is null ? twiml : null,
            VoiceFallbackUrl = reader.Url("FallbackUrl", ApiErrors.InvalidUrl),
            VoiceFallbackMethod = reader.Method("FallbackMethod"),
            StatusCallback = reader.Url("StatusCallback", ApiErrors.InvalidParameter),
            StatusCallbackMethod = reader.Method("StatusCallbackMethod"),
            StatusCallbackEvent = reader.Events("StatusCallbackEvent", CallProgressEvents.Completed),
            SendDigits = SendDigitsOf(reader),
            TimeLimit = TimeSpan.FromSeconds(reader.Integer("TimeLimit", 1, TimeLimit.Max) ?? TimeLimit.Default),
        };
        var request = new OutboundCallRequest
        {
            To = target,
            ToKind = kind,
            From = from ?? string.Empty,
            CallerId = reader.Text("CallerId", 256),
            Application = application,
            Account = account.Account,
            RingTimeout = TimeSpan.FromSeconds(reader.Integer("Timeout", 1, Timeout.Max) ?? Timeout.Default),
            Username = reader.Text("SipAuthUsername", 256),
            Password = reader.Text("SipAuthPassword", 256),
            Recording = CallRecordingForm.Read(reader),
        };
        return reader.Error is null ? request : null;
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

    private static string? SendDigitsOf(ApiFormReader reader)
    {
        var digits = reader.Text("SendDigits", 32);
        if (digits is not null && !DtmfDigits().IsMatch(digits))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"SendDigits may hold only 0-9, *, #, w and W, not '{digits}'");
            return null;
        }

        return digits;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-/]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[0-9*#wW]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DtmfDigits();
}
