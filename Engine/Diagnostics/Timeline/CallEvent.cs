namespace RcmlEngine.Diagnostics.Timeline;

/// <summary>One entry of a call's timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What it tells of.</param>
/// <param name="Title">One line (<c>INVITE sip:ivr@...</c>, <c>GET http://app/voice → 200 in 12 ms</c>).</param>
/// <param name="Detail">More lines (headers, parameters, the document); null when there are none.</param>
/// <param name="Failed">True for a failure (a webhook error, a 4xx/5xx): shown as such.</param>
internal sealed record CallEvent(DateTimeOffset At, CallEventKind Kind, string Title, string? Detail = null, bool Failed = false);
