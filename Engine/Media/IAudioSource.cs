namespace RcmlEngine.Media;

/// <summary>
/// Audio to play to a caller, pulled as 8 kHz mono 16-bit samples (<see cref="MediaAudio"/>):
/// a WAV file, synthesized speech, a tone. Read once, from the start, then disposed.
/// </summary>
internal interface IAudioSource : IAsyncDisposable
{
    /// <summary>Reads up to <c>buffer.Length</c> samples; returns how many, 0 at the end.</summary>
    ValueTask<int> ReadAsync(Memory<short> buffer, CancellationToken cancellationToken);
}
