using RcmlEngine.Media;

namespace RcmlEngine.Tests.Support;

/// <summary>Reads whole audio sources in tests.</summary>
internal static class AudioReading
{
    /// <summary>Every sample of the source, in order.</summary>
    public static async Task<short[]> ReadAllAsync(IAudioSource source, CancellationToken cancellationToken = default)
    {
        var samples = new List<short>();
        var buffer = new short[4000];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            samples.AddRange(buffer.Take(read));
        }

        return samples.ToArray();
    }
}
