namespace RcmlEngine.Notifications;

/// <summary>One notification ready for the sinks: its type (<c>call</c>) and its JSON text.</summary>
/// <param name="Type">The <c>type</c> of the JSON, which <c>Notifications:Redis:Events</c> selects on.</param>
/// <param name="Json">The whole message, <c>{"type":...,"payload":{...}}</c>.</param>
internal sealed record NotificationMessage(string Type, string Json);
