namespace RcmlEngine.Media.Recording;

/// <summary>A finished recording.</summary>
/// <param name="FilePath">The WAV file written.</param>
/// <param name="Duration">The length of the audio in the file (after trimming); zero when nothing was heard.</param>
/// <param name="EndedBy">What ended it.</param>
/// <param name="FinishKey">The key that ended it, for <see cref="RecordingEnd.FinishKey"/>.</param>
internal sealed record RecordingResult(string FilePath, TimeSpan Duration, RecordingEnd EndedBy, char? FinishKey = null);
