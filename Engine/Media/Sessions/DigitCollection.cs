namespace RcmlEngine.Media.Sessions;

/// <summary>Digits collected, and why collection ended.</summary>
/// <param name="Digits">The digits, without the finish key.</param>
/// <param name="End">Why collection ended.</param>
/// <param name="FinishKey">The finish key pressed, when <paramref name="End"/> is <see cref="DigitCollectEnd.FinishKey"/>.</param>
internal sealed record DigitCollection(string Digits, DigitCollectEnd End, char? FinishKey = null);
