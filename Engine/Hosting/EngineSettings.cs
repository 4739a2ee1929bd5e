using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Hosting;

/// <summary>Carries the engine's configuration into the options of the layers below.</summary>
internal static class EngineSettings
{
    /// <summary>Limits and the error prompt.</summary>
    public static void Apply(EngineOptions engine, ExecutionOptions execution)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(execution);
        execution.MaxDocumentsPerCall = engine.Limits.MaxDocumentsPerCall;
        execution.MaxVerbsPerCall = engine.Limits.MaxVerbsPerCall;
        execution.MaxCallDuration = engine.Limits.MaxCallDuration;
        execution.ApologyText = engine.ErrorPrompt.Text;
        execution.ApologyVoice = engine.ErrorPrompt.Voice;
        execution.ApologyLanguage = engine.ErrorPrompt.Language;
    }

    /// <summary>The recordings folder and the base of their URLs.</summary>
    public static void Apply(EngineOptions engine, RecordingStoreOptions recordings)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(recordings);
        recordings.Folder = engine.Recordings.Folder;
        recordings.BaseUrl = PublicBaseUrl(engine);
    }

    /// <summary>
    /// The URL applications reach the engine's HTTP server at: <c>Http:PublicBaseUrl</c>, else
    /// <c>http://PublicAddress:Port/</c>, else the listening address (127.0.0.1 for a wildcard).
    /// </summary>
    public static Uri PublicBaseUrl(EngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Http.PublicBaseUrl is { } configured)
        {
            return configured;
        }

        var host = engine.PublicAddress
            ?? (engine.Http.ListenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : engine.Http.ListenAddress);
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new Uri($"http://{authority}:{engine.Http.Port}/");
    }
}
