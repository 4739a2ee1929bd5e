using System.Text.RegularExpressions;
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
    /// <summary>The request, or null with the error recorded on <paramref name="reader"/>.</summary>
    public static OutboundCallRequest? Read(ApiFormReader reader, ApiAccount account, IRcmlDocumentReader documents, Uri engineBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(account);
        var parties = OutboundCallForm.ReadParties(reader);
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
            TimeLimit = TimeSpan.FromSeconds(reader.Integer("TimeLimit", 1, OutboundCallForm.TimeLimit.Max) ?? OutboundCallForm.TimeLimit.Default),
        };
        var request = OutboundCallForm.Request(reader, account, parties, application, CallRecordingForm.Read(reader));
        return reader.Error is null ? request : null;
    }

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

    [GeneratedRegex("^[0-9*#wW]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DtmfDigits();
}
