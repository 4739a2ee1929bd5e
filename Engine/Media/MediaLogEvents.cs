using RcmlEngine.Diagnostics;

namespace RcmlEngine.Media;

/// <summary>The event ids of the media layer's log messages, by component, within <see cref="LogEventRange.Media"/>.</summary>
internal static class MediaLogEvents
{
    public const int Processes = LogEventRange.Media;
    public const int Fetching = LogEventRange.Media + 20;
    public const int Speech = LogEventRange.Media + 40;
    public const int Decoding = LogEventRange.Media + 60;
    public const int Sessions = LogEventRange.Media + 80;
    public const int Recording = LogEventRange.Media + 120;
}
