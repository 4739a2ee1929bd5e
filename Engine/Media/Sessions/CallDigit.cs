namespace RcmlEngine.Media.Sessions;

/// <summary>One key the caller pressed.</summary>
/// <param name="Digit">0-9, *, #, or A-D.</param>
/// <param name="Duration">How long it was held, as the phone reported it.</param>
/// <param name="ReceivedAt">When the press began.</param>
/// <param name="Source">How it arrived.</param>
internal readonly record struct CallDigit(char Digit, TimeSpan Duration, DateTimeOffset ReceivedAt, DigitSource Source);
