namespace RcmlEngine.Notifications;

/// <summary>Tells the configured sinks (a Redis list) that an inbound call was connected to an agent.</summary>
internal interface IInboundCallNotifier
{
    /// <summary>
    /// Hands <paramref name="notification"/> to every sink, in call order; returns at once, never throws.
    /// Delivery is the sinks' work (retried, kept while a sink is down).
    /// </summary>
    void Notify(InboundCallNotification notification);
}
