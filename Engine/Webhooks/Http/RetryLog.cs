using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Webhooks.Http;

/// <summary>
/// One Debug line per retried webhook attempt (host, attempt, reason, delay) in place of Polly's own
/// telemetry lines, which print a Warning with a stack trace for every retry: a retry is normal (an
/// application closing a keep-alive connection). The Warning for a request that finally fails is the
/// fetcher's or the sender's.
/// </summary>
internal static partial class RetryLog
{
    /// <summary>The category of the lines.</summary>
    public const string Category = "RcmlEngine.Webhooks.Http.Retries";

    /// <summary>Logs one retry of <paramref name="kind"/> (document, callback).</summary>
    public static void OnRetry(ILogger logger, string kind, OnRetryArguments<HttpResponseMessage> args)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var host = args.Context.GetRequestMessage()?.RequestUri?.Authority ?? "?";
        var reason = ReasonOf(args.Outcome);
        LogRetry(logger, kind, host, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
    }

    /// <summary>Why an attempt failed, in a few words (no stack trace).</summary>
    public static string ReasonOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => exception.GetType().Name + ": " + LogText.Escape(exception.Message),
        { Result: { } response } => "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "no outcome",
    };

    [LoggerMessage(EventId = LogEventRange.Webhooks + 60, Level = LogLevel.Debug,
        Message = "Webhook {Kind} to {Host}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string kind, string host, int attempt, string reason, double delayMs);
}
