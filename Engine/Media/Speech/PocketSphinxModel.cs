using System.Globalization;
using System.Text.RegularExpressions;
using RcmlEngine.Media.Fetching;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// The installed PocketSphinx model, adapted to telephone audio. Debian ships a 16 kHz acoustic model
/// whose filter bank reaches 6.8 kHz; 8 kHz call audio has nothing above 4 kHz, which makes free
/// recognition fail. This builds, once, a copy of the model folder (links to its files) whose
/// <c>feat.params</c> stops the filter bank at <see cref="NarrowbandUpperFrequency"/>, and the decoder
/// then reads the call audio at 8 kHz as it is (<c>-samprate 8000 -nfft 256</c>), with no resampling.
/// Also answers which words the dictionary knows (for hints).
/// </summary>
internal sealed partial class PocketSphinxModel
{
    /// <summary>The top of the filter bank for 8 kHz audio, below its 4 kHz Nyquist limit.</summary>
    public const int NarrowbandUpperFrequency = 3800;

    private readonly SpeechOptions _options;
    private readonly string _directory;
    private readonly Lazy<string> _acousticModel;
    private readonly Lazy<HashSet<string>> _words;

    /// <summary>Prepares (lazily) the model under <paramref name="directory"/>, a private folder of the engine's.</summary>
    public PocketSphinxModel(SpeechOptions options, string directory)
    {
        _options = options;
        _directory = directory;
        _acousticModel = new(BuildNarrowbandModel, LazyThreadSafetyMode.ExecutionAndPublication);
        _words = new(ReadWords, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the model files are there (the packages are installed).</summary>
    public bool IsInstalled =>
        Directory.Exists(_options.AcousticModel) && File.Exists(_options.LanguageModel) && File.Exists(_options.Dictionary);

    /// <summary>The narrowband acoustic model folder; built on first use.</summary>
    /// <exception cref="MediaException">The model is not installed or cannot be copied.</exception>
    public string AcousticModel => _acousticModel.Value;

    /// <summary>Whether the dictionary has <paramref name="word"/> (lower case).</summary>
    public bool Knows(string word) => _words.Value.Contains(word);

    /// <summary>Rewrites a <c>feat.params</c> so its filter bank stops at <paramref name="upperFrequency"/>.</summary>
    public static string Narrowband(string featParams, int upperFrequency)
    {
        ArgumentNullException.ThrowIfNull(featParams);
        var value = upperFrequency.ToString(CultureInfo.InvariantCulture);
        return UpperFrequency().IsMatch(featParams)
            ? UpperFrequency().Replace(featParams, "-upperf " + value)
            : featParams.TrimEnd('\n') + "\n-upperf " + value + "\n";
    }

    [GeneratedRegex(@"-upperf\s+[0-9.]+")]
    private static partial Regex UpperFrequency();

    private string BuildNarrowbandModel()
    {
        var source = _options.AcousticModel;
        var featParams = Path.Combine(source, "feat.params");
        if (!File.Exists(featParams))
        {
            throw new MediaException($"PocketSphinx acoustic model not found: {featParams} (install pocketsphinx-en-us, or set Speech:AcousticModel)");
        }

        try
        {
            var target = Path.Combine(_directory, "acoustic-" + MediaFetcher.Sha256Hex(Path.GetFullPath(source))[..16]);
            if (File.Exists(Path.Combine(target, "feat.params")))
            {
                return target;
            }

            var building = PrivateDirectory.Create(target + "." + Guid.NewGuid().ToString("N")[..8]);
            foreach (var file in Directory.GetFiles(source))
            {
                if (!Path.GetFileName(file).Equals("feat.params", StringComparison.Ordinal))
                {
                    File.CreateSymbolicLink(Path.Combine(building, Path.GetFileName(file)), Path.GetFullPath(file));
                }
            }

            File.WriteAllText(Path.Combine(building, "feat.params"), Narrowband(File.ReadAllText(featParams), NarrowbandUpperFrequency));
            try
            {
                Directory.Move(building, target);
            }
            catch (IOException) when (File.Exists(Path.Combine(target, "feat.params")))
            {
                // Another engine process built it first.
                Directory.Delete(building, recursive: true);
            }

            return target;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MediaException($"Cannot prepare the PocketSphinx model from {source}: {exception.Message}", exception);
        }
    }

    private HashSet<string> ReadWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(_options.Dictionary))
        {
            return words;
        }

        foreach (var line in File.ReadLines(_options.Dictionary))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }
}
