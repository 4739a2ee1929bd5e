using Microsoft.Extensions.Logging.Abstractions;
using RcmlEngine.Media;
using RcmlEngine.Media.Decoding;
using RcmlEngine.Media.Processes;
using RcmlEngine.Tests.Support;

namespace RcmlEngine.Tests.Media;

[TestFixture]
[Platform("Linux")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateDirectoryTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private TempDirectory _work = null!;

    [SetUp]
    public void SetUp() => _work = new TempDirectory();

    [TearDown]
    public void TearDown() => _work.Dispose();

    [Test]
    public void Create_NewNestedFolder_IsOwnerOnly()
    {
        var path = PrivateDirectory.Create(_work.File("data/media-cache"));

        File.GetUnixFileMode(path).Should().Be(OwnerOnly);
    }

    [Test]
    public void Create_ExistingFolderOpenToAll_IsMadeOwnerOnly()
    {
        var path = _work.File("shared");
        Directory.CreateDirectory(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead
            | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        PrivateDirectory.Create(path);

        File.GetUnixFileMode(path).Should().Be(OwnerOnly);
    }

    [Test]
    public void CacheDirectory_Default_IsUnderTheDataFolderNotTheSharedTempFolder()
    {
        var folder = new MediaOptions().CacheDirectory;

        folder.Should().Be(Path.Combine("data", "media-cache"));
        Path.GetFullPath(folder).Should().NotStartWith(Path.GetTempPath());
    }

    [Test]
    public void Decoder_NewCache_CreatesItsFoldersOwnerOnly()
    {
        var cache = _work.File("cache");

        _ = new FfmpegDecoder(new ProcessRunner(NullLogger<ProcessRunner>.Instance), new MediaOptions { CacheDirectory = cache },
            TimeProvider.System, NullLogger<FfmpegDecoder>.Instance);

        File.GetUnixFileMode(cache).Should().Be(OwnerOnly);
        File.GetUnixFileMode(Path.Combine(cache, "decoded")).Should().Be(OwnerOnly);
    }
}
