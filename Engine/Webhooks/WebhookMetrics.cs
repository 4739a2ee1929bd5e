using System.Diagnostics.Metrics;

namespace RcmlEngine.Webhooks;

/// <summary>
/// The webhook layer's instruments (meter <c>RcmlEngine.Webhooks</c>): how long each request took, all
/// attempts included, and which ones failed. Tagged <c>kind</c> (document, callback) and <c>status_code</c>
/// (the HTTP status, or <c>none</c> when nothing was received).
/// </summary>
internal static class WebhookMetrics
{
    private static readonly Meter Meter = new("RcmlEngine.Webhooks");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "rcml.webhooks.duration", "s", "Time of a webhook request, all attempts included");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "rcml.webhooks.failures", description: "Webhook requests that finally failed");

    private static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "rcml.webhooks.attempts", description: "HTTP attempts made for webhook requests (retries included)");

    /// <summary>Records one finished request.</summary>
    public static void Record(string kind, int? statusCode, bool failed, int attempts, TimeSpan elapsed)
    {
        var status = new KeyValuePair<string, object?>("status_code", statusCode is { } code ? CodeText(code) : "none");
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        Duration.Record(elapsed.TotalSeconds, kindTag, status);
        Attempts.Add(attempts, kindTag);
        if (failed)
        {
            Failures.Add(1, kindTag, status);
        }
    }

    // The common codes without a string per call.
    private static string CodeText(int code) => code switch
    {
        200 => "200",
        204 => "204",
        404 => "404",
        500 => "500",
        502 => "502",
        503 => "503",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
