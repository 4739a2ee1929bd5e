namespace RcmlEngine.Notifications;

/// <summary>The JSON shape of a <c>call</c> notification: <c>{"type":"call","payload":{...}}</c>.</summary>
internal sealed record CallNotificationEnvelope(string Type, InboundCallNotification Payload);
