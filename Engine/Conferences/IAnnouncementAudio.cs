using RcmlEngine.Media;

namespace RcmlEngine.Conferences;

/// <summary>The audio of an announcement played into a room (<c>AnnounceUrl</c>): a file, or a document of Say, Play and Pause.</summary>
internal interface IAnnouncementAudio
{
    /// <summary>Opens what <paramref name="url"/> gives, fetched with <paramref name="method"/> for <paramref name="room"/>.</summary>
    /// <exception cref="MediaException">It cannot be had.</exception>
    Task<IAudioSource> OpenAsync(Conference room, Uri url, string method, CancellationToken cancellationToken);
}
