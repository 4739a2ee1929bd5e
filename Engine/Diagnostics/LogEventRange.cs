namespace RcmlEngine.Diagnostics;

/// <summary>
/// The first event id of each layer's <c>[LoggerMessage]</c> methods; a layer's ids run to the next
/// range. Grep a log for an id and you know the layer that wrote it.
/// </summary>
internal static class LogEventRange
{
    public const int Diagnostics = 900;
    public const int Sip = 1000;
    public const int Sdp = 1800;
    public const int Rtp = 2000;
    public const int Media = 3000;
    public const int Streams = 3800;
    public const int Rcml = 4000;
    public const int Webhooks = 5000;
    public const int Notifications = 5700;
    public const int Calls = 6000;
    public const int Conferences = 6600;
    public const int Execution = 7000;
    public const int Hosting = 8000;
    public const int Api = 8500;
    public const int Cli = 9000;
}
