namespace RcmlEngine.Media.Recording;

/// <summary>A finished recording.</summary>
/// <param name="FilePath">The WAV file written.</param>
/// <param name="Duration">The length of the audio in the file (after trimming).</param>
/// <param name="End">Why it stopped.</param>
/// <param name="Digit">The finish key pressed, when <paramref name="End"/> is <see cref="RecordingEnd.Key"/>.</param>
internal sealed record RecordingResult(string FilePath, TimeSpan Duration, RecordingEnd End, char? Digit);
