using System.Diagnostics.Metrics;

namespace RcmlEngine.Calls;

/// <summary>
/// The call instruments fed by every <see cref="CallLifecycle"/> (meter <c>RcmlEngine.Calls</c>, beside
/// admission's <c>rcml.calls.in_progress</c> and <c>rcml.calls.shed</c>): calls started, calls ended by
/// final status, and the time from a call's start to its answer.
/// </summary>
internal static class CallMetrics
{
    private static readonly Meter Meter = new("RcmlEngine.Calls");

    private static readonly Counter<long> Started = Meter.CreateCounter<long>(
        "rcml.calls.started", description: "Calls (and dialed legs) started");

    private static readonly Counter<long> Ended = Meter.CreateCounter<long>(
        "rcml.calls.ended", description: "Calls (and dialed legs) ended, tagged outcome = final status");

    private static readonly Histogram<double> Setup = Meter.CreateHistogram<double>(
        "rcml.calls.setup.duration", "s", "Time from a call's start (INVITE or API request) to its answer");

    /// <summary>A call started.</summary>
    public static void OnStarted() => Started.Add(1);

    /// <summary>A call was answered <paramref name="setup"/> after it started.</summary>
    public static void OnAnswered(TimeSpan setup) => Setup.Record(setup.TotalSeconds);

    /// <summary>A call ended in <paramref name="status"/>.</summary>
    public static void OnEnded(CallStatus status) =>
        Ended.Add(1, new KeyValuePair<string, object?>("outcome", status.ToWebhookValue()));
}
