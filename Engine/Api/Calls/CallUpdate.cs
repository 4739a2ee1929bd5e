using Microsoft.AspNetCore.Http;
using RcmlEngine.Calls;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Documents;

namespace RcmlEngine.Api.Calls;

/// <summary>
/// <c>POST Calls/{Sid}.json</c> on a live call: <c>Url</c>+<c>Method</c> or <c>Twiml</c> redirect it (it
/// leaves whatever verb it is in, Dial legs and Gathers torn down, and runs the new document);
/// <c>Status=completed</c> hangs it up, <c>Status=canceled</c> hangs up a call still queued or ringing;
/// <c>FallbackUrl</c>, <c>StatusCallback</c> and their methods replace the call's own.
/// </summary>
internal static class CallUpdate
{
    /// <summary>Applies <paramref name="reader"/>'s changes to <paramref name="call"/>; the error to answer, or null.</summary>
    public static async Task<IResult?> ApplyAsync(ApiFormReader reader, LiveCall call, IRcmlDocumentReader documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(call);
        var url = reader.Url("Url", ApiErrors.InvalidUrl);
        var method = reader.Method("Method");
        var twiml = TwimlParameter.Read(reader, documents);
        var status = reader.Text("Status");
        if (status is not (null or "completed" or "canceled"))
        {
            reader.Fail(ApiErrors.InvalidParameter, $"Status must be completed or canceled, not '{status}'");
        }

        var application = call.Application?.Current;
        var changed = application is null ? null : application with
        {
            VoiceFallbackUrl = reader.Url("FallbackUrl", ApiErrors.InvalidUrl) ?? application.VoiceFallbackUrl,
            VoiceFallbackMethod = reader.Form.Has("FallbackMethod") ? reader.Method("FallbackMethod") : application.VoiceFallbackMethod,
            StatusCallback = reader.Url("StatusCallback", ApiErrors.InvalidParameter) ?? application.StatusCallback,
            StatusCallbackMethod = reader.Form.Has("StatusCallbackMethod") ? reader.Method("StatusCallbackMethod") : application.StatusCallbackMethod,
        };
        if (reader.Error is { } error)
        {
            return error;
        }

        if (changed is not null && call.Application is { } holder)
        {
            holder.Current = changed;
        }

        if (status is not null)
        {
            var ringing = call.Call.Lifecycle.Status is CallStatus.Queued or CallStatus.Initiated or CallStatus.Ringing;
            if (status == "completed" || ringing)
            {
                await call.Call.HangUpAsync(cancellationToken);
            }

            return null;
        }

        if (url is null && twiml is null)
        {
            return null;
        }

        var target = twiml is not null
            ? Navigation.Inline(twiml, application?.VoiceUrl ?? new Uri("http://127.0.0.1/"))
            : new Navigation(url!, method);
        return call.Control?.Redirect(target) == true
            ? null
            : ApiErrors.BadRequest(ApiErrors.NotInProgress, "Call is not in-progress. Cannot redirect.");
    }
}
