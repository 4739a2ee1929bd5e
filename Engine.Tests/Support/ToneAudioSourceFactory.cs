using RcmlEngine.Media;
using RcmlEngine.Media.Tones;
using RcmlEngine.Media.Tts;

namespace RcmlEngine.Tests.Support;

/// <summary>
/// Prompt audio without espeak-ng or HTTP, for call-layer tests: speech is a 440 Hz tone of
/// <see cref="SpeechLength"/>; a URL is a 1 kHz tone of a second, or fails when its path contains
/// <c>missing</c>. Records what was asked.
/// </summary>
internal sealed class ToneAudioSourceFactory : IAudioSourceFactory
{
    private readonly List<string> _asked = [];

    /// <summary>How long every "spoken" prompt lasts.</summary>
    public TimeSpan SpeechLength { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What was asked for, in order (<c>speak:TEXT</c>, <c>url:URL</c>).</summary>
    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public Task<IAudioSource> OpenUrlAsync(Uri url, CancellationToken cancellationToken)
    {
        Note("url:" + url);
        return url.AbsolutePath.Contains("missing", StringComparison.Ordinal)
            ? Task.FromException<IAudioSource>(new MediaException($"GET {url} answered 404 Not Found"))
            : Task.FromResult(StandardTones.Sine(1000, TimeSpan.FromSeconds(1), -10));
    }

    public Task<IAudioSource> SpeakAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        Note("speak:" + request.Text);
        return Task.FromResult(StandardTones.Sine(440, SpeechLength, -10));
    }

    private void Note(string what)
    {
        lock (_asked)
        {
            _asked.Add(what);
        }
    }
}
