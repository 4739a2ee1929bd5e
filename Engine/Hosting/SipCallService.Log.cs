using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

internal sealed partial class SipCallService
{
    [LoggerMessage(EventId = LogEventRange.Hosting + 21, Level = LogLevel.Information, Message = "HTTP (recordings, samples) bound on {BoundAddress}, reached at {BaseUrl}")]
    private partial void LogHttp(string boundAddress, Uri baseUrl);

    [LoggerMessage(EventId = LogEventRange.Hosting + 22, Level = LogLevel.Information,
        Message = "No application configured: {Count} samples from {Folder} answer sip:<name>@this-host, served at {SamplesUrl}")]
    private partial void LogSamples(int count, string folder, Uri samplesUrl);

    [LoggerMessage(EventId = LogEventRange.Hosting + 23, Level = LogLevel.Warning,
        Message = "No application configured and no samples folder found: every call is answered 404 (see README, Configuration)")]
    private partial void LogNoApplications();

    [LoggerMessage(EventId = LogEventRange.Hosting + 24, Level = LogLevel.Warning,
        Message = "REST API: no account is configured, so it answers loopback clients only, as the default account ({CallsUrl}); configure Accounts to open it with HTTP Basic")]
    private partial void LogApiLoopbackOnly(Uri callsUrl);

    [LoggerMessage(EventId = LogEventRange.Hosting + 25, Level = LogLevel.Warning,
        Message = "{Trunks} configured but SIP takes calls from anyone: set Sip:AllowedSources and/or Sip:InboundAuthentication (docs/security.md)")]
    private partial void LogOpenToAnyone(Counted trunks);

    [LoggerMessage(EventId = LogEventRange.Hosting + 26, Level = LogLevel.Information,
        Message = "Draining: new calls get 503; waiting up to {TimeoutSeconds} s for {Count} in progress")]
    private partial void LogDraining(Counted count, double timeoutSeconds);

    [LoggerMessage(EventId = LogEventRange.Hosting + 27, Level = LogLevel.Information, Message = "Drained: every call ended by itself")]
    private partial void LogDrained();

    [LoggerMessage(EventId = LogEventRange.Hosting + 28, Level = LogLevel.Warning,
        Message = "Drain timeout: hanging up the {Count} still in progress")]
    private partial void LogDrainTimedOut(Counted count);
}
