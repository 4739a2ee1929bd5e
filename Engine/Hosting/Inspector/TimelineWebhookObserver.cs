using System.Globalization;
using System.Text;
using RcmlEngine.Diagnostics.Timeline;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Fetching;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Hosting.Inspector;

/// <summary>
/// Records document fetches and callbacks on the timeline of their call: the one whose flow fetched, or
/// the one named by the request's <c>CallSid</c> (callbacks are sent from the queue's workers). URLs are
/// shown as <see cref="SafeUrl"/> gives them; the document itself is kept up to <see cref="MaxDocumentChars"/>.
/// </summary>
internal sealed class TimelineWebhookObserver(CallTimelines timelines) : IWebhookObserver
{
    /// <summary>How much of a fetched document a timeline keeps.</summary>
    public const int MaxDocumentChars = 8 * 1024;

    /// <inheritdoc />
    public void DocumentFetched(WebhookRequest request, DocumentFetchResult result)
    {
        if (TimelineOf(request, preferFlow: true) is not { } timeline)
        {
            return;
        }

        var title = string.Create(CultureInfo.InvariantCulture,
            $"{request.Method.ToString().ToUpperInvariant()} {SafeUrl.Of(request.Url)} → {Status(result.StatusCode)} in {result.Elapsed.TotalMilliseconds:0} ms");
        if (result.Attempts > 1)
        {
            title += string.Create(CultureInfo.InvariantCulture, $" ({result.Attempts} attempts)");
        }

        var detail = new StringBuilder();
        AppendParameters(detail, request);
        if (result.Error is { } error)
        {
            title += " — error " + ((int)error.Code).ToString(CultureInfo.InvariantCulture);
            detail.Append("Error ").Append((int)error.Code).Append(": ").Append(error.Message).Append('\n');
        }

        if (!result.Body.IsEmpty)
        {
            var body = Encoding.UTF8.GetString(result.Body.Span[..Math.Min(result.Body.Length, MaxDocumentChars)]);
            detail.Append('\n').Append(body);
            if (result.Body.Length > MaxDocumentChars)
            {
                detail.Append("\n(… ").Append(result.Body.Length - MaxDocumentChars).Append(" more bytes)");
            }
        }

        timeline.Add(CallEventKind.Document, title, detail.ToString(), failed: result.Error is not null);
    }

    /// <inheritdoc />
    public void CallbackSent(WebhookRequest request, CallbackResult result, TimeSpan elapsed)
    {
        if (TimelineOf(request, preferFlow: false) is not { } timeline)
        {
            return;
        }

        var what = Parameter(request, "CallStatus") is { } status ? "status " + status : "callback";
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{what}: {request.Method.ToString().ToUpperInvariant()} {SafeUrl.Of(request.Url)} → {Status(result.StatusCode)} in {elapsed.TotalMilliseconds:0} ms ({result.Attempts} attempt{(result.Attempts == 1 ? string.Empty : "s")})");
        var detail = new StringBuilder();
        AppendParameters(detail, request);
        if (result.Error is { } error)
        {
            detail.Append("Error ").Append((int)error.Code).Append(": ").Append(error.Message).Append('\n');
        }

        timeline.Add(CallEventKind.Webhook, title, detail.ToString(), failed: result.Error is not null);
    }

    private static string Status(int? code) => code is { } status ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : "no response";

    private static string? Parameter(WebhookRequest request, string name)
    {
        foreach (var (key, value) in request.Parameters)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static void AppendParameters(StringBuilder detail, WebhookRequest request)
    {
        foreach (var (key, value) in request.Parameters)
        {
            detail.Append(key).Append('=').Append(value).Append('\n');
        }
    }

    private CallTimeline? TimelineOf(WebhookRequest request, bool preferFlow)
    {
        if (preferFlow && CallTimeline.Current is { } current)
        {
            return current;
        }

        return Parameter(request, "CallSid") is { } sid ? timelines.Find(sid) : null;
    }
}
