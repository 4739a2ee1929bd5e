using System.Diagnostics.Metrics;
using RcmlEngine.Conferences;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Hosting;

/// <summary>
/// Gauges read from the engine's services when metrics are collected (meter <c>RcmlEngine.Hosting</c>):
/// the callback queue's depth, and the conference rooms in progress with their connected participants.
/// </summary>
internal sealed class EngineGauges : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "RcmlEngine.Hosting";

    private readonly Meter _meter = new(MeterName);

    /// <summary>Creates the gauges over <paramref name="callbacks"/> and <paramref name="conferences"/>.</summary>
    public EngineGauges(CallbackDispatcher callbacks, ConferenceRegistry conferences)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        ArgumentNullException.ThrowIfNull(conferences);
        _meter.CreateObservableGauge("rcml.callbacks.pending", () => callbacks.PendingCount,
            description: "Callbacks queued and not yet delivered or given up");
        _meter.CreateObservableGauge("rcml.conferences.active", () => conferences.ActiveCount,
            description: "Conference rooms in progress");
        _meter.CreateObservableGauge("rcml.conferences.participants", () => conferences.ListActive().Sum(c => c.ConnectedCount),
            description: "Participants connected to rooms in progress");
    }

    /// <summary>Stops the gauges.</summary>
    public void Dispose() => _meter.Dispose();
}
