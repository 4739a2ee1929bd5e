namespace RcmlEngine.Calls;

/// <summary>A call reached <paramref name="Status"/> at <paramref name="At"/>.</summary>
/// <param name="Status">The new status.</param>
/// <param name="At">When (the call's <see cref="TimeProvider"/>).</param>
internal sealed record CallStatusChange(CallStatus Status, DateTimeOffset At);
