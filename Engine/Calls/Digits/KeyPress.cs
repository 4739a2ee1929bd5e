namespace RcmlEngine.Calls.Digits;

/// <summary>A key the caller pressed, and when it arrived.</summary>
/// <param name="Key"><c>0-9 * # A-D</c>.</param>
/// <param name="At">When it was received (the call's clock): silence timeouts count from here.</param>
internal readonly record struct KeyPress(char Key, DateTimeOffset At);
