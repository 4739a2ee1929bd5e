using RcmlEngine.Execution;

namespace RcmlEngine.Hosting;

/// <summary>
/// The samples as applications, for an engine in samples mode (no application and no trunk configured):
/// a call to <c>sip:NAME@host</c> runs <c>samples/NAME.xml</c>, fetched from the engine's own HTTP server
/// (so relative links and <c>callbacks/...</c> work as on a web server). Unsigned, under the default account.
/// </summary>
internal sealed class SampleApplications(string? folder, EngineHttpAddress http, bool samplesMode, bool serve)
{
    /// <summary>The samples folder, or null when none was found (then no call is routed here).</summary>
    public string? Folder { get; } = folder;

    /// <summary>The folder served over HTTP under <c>/samples/</c> (<c>Samples:Serve</c>), or null when none is.</summary>
    public string? ServedFolder => serve ? Folder : null;

    /// <summary>True when calls no application takes go to the samples: samples mode, and a folder found and served.</summary>
    public bool RoutesCalls => samplesMode && ServedFolder is not null;

    /// <summary>The sample named by <paramref name="user"/>, or null when there is none.</summary>
    public ApplicationRoute? Route(string user)
    {
        if (!RoutesCalls || string.IsNullOrEmpty(user) || !user.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        if (!File.Exists(Path.Combine(Folder!, user + ".xml")))
        {
            return null;
        }

        var application = new CallApplication { VoiceUrl = new Uri(http.LocalBaseUrl, $"{SamplesFolder.Name}/{user}.xml") };
        return new ApplicationRoute($"sample {user}", application, new CallAccount { AccountSid = EngineOptions.DefaultAccountSid });
    }

    /// <summary>The names that can be called (the documents of the folder), sorted.</summary>
    public IReadOnlyList<string> Names => Folder is null
        ? []
        : [.. Directory.EnumerateFiles(Folder, "*.xml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];
}
