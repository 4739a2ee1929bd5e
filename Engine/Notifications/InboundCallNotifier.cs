using Microsoft.Extensions.Logging;

namespace RcmlEngine.Notifications;

/// <summary>Serializes each notification once and hands it to every sink; a failing sink is logged, never thrown.</summary>
internal sealed partial class InboundCallNotifier(IEnumerable<INotificationSink> sinks, ILogger<InboundCallNotifier> logger) : IInboundCallNotifier
{
    private readonly INotificationSink[] _sinks = [.. sinks];

    /// <inheritdoc />
    public void Notify(InboundCallNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (_sinks.Length == 0)
        {
            return;
        }

        var message = NotificationFormat.Of(notification);
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(message);
            }
#pragma warning disable CA1031 // A notification must never fail the call that raised it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSinkFailed(notification.CallRef, sink.GetType().Name, exception);
            }
        }
    }

    [LoggerMessage(EventId = Diagnostics.LogEventRange.Notifications + 1, Level = LogLevel.Error,
        Message = "Notification of call {CallSid} was not taken by {Sink}")]
    private partial void LogSinkFailed(string callSid, string sink, Exception exception);
}
