namespace RcmlEngine.Media;

/// <summary>
/// Folders only the engine's user may enter (0700): the media cache holds fetched bodies and
/// synthesized prompts under names derived from their content, which other users of the host must
/// neither read nor plant.
/// </summary>
internal static class PrivateDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) as 0700, or makes an existing one 0700.
    /// Returns the path.
    /// </summary>
    /// <exception cref="MediaException">The folder exists and cannot be made private (another user owns it).</exception>
    public static string Create(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        var directory = Directory.CreateDirectory(path, OwnerOnly);
        if (directory.UnixFileMode != OwnerOnly)
        {
            try
            {
                directory.UnixFileMode = OwnerOnly;
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new MediaException($"{path} is open to other users and cannot be made private (owner only)", ex);
            }
        }

        return path;
    }
}
