namespace RcmlEngine.Media;

/// <summary>Settings of the media layer (configuration section <c>Media</c>).</summary>
internal sealed class MediaOptions
{
    /// <summary>
    /// Where fetched media, decoded audio and synthesized speech are cached: under the engine's data
    /// folder (next to <c>data/recordings</c>), not in the shared temp folder. Created owner-only (0700),
    /// and an existing folder is made so (<see cref="PrivateDirectory"/>).
    /// </summary>
    public string CacheDirectory { get; set; } = Path.Combine("data", "media-cache");

    /// <summary>The largest media file fetched; a larger one fails the fetch.</summary>
    public long MaxMediaBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most the fetched-media cache keeps on disk; least recently used entries go first.</summary>
    public long MaxCacheBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>How long one media fetch may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest audio ffmpeg decodes from one file; the rest is cut off (a small file of compressed
    /// silence would otherwise decode to gigabytes). The decoded file is at most this long at 8 kHz
    /// 16-bit mono (16,000 bytes a second: 28.8 MB for the default 30 minutes).
    /// </summary>
    public TimeSpan MaxDecodedDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one ffmpeg decode may run before it is killed and the file refused.</summary>
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The ffmpeg program (for MP3, OGG and other formats the engine does not read itself).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The espeak-ng program (for <c>&lt;Say&gt;</c>).</summary>
    public string EspeakPath { get; set; } = "espeak-ng";
}
