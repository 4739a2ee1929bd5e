namespace RcmlEngine.Calls.ClickToCall;

/// <summary>The answer to a click-to-call request: the setup's status (new, or the one in the way), or why none started.</summary>
/// <param name="Status">The new setup, or the setup still going on (<see cref="ClickToCallRefusal.InProgress"/>); null when unavailable.</param>
/// <param name="Refusal">Why no setup started; <see cref="ClickToCallRefusal.None"/> when one did.</param>
/// <param name="Error">What to tell the client when refused.</param>
internal sealed record ClickToCallStart(ClickToCallStatus? Status, ClickToCallRefusal Refusal, string? Error);
