using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;

namespace RcmlEngine.Hosting;

internal sealed partial class RecordsPruningService
{
    [LoggerMessage(EventId = LogEventRange.Hosting + 40, Level = LogLevel.Information,
        Message = "Records pruned: {Calls}, {Recordings} older than {Before:O}")]
    private partial void LogPruned(Counted calls, Counted recordings, DateTimeOffset before);

    [LoggerMessage(EventId = LogEventRange.Hosting + 41, Level = LogLevel.Error,
        Message = "Records could not be pruned; the next pass will try again")]
    private partial void LogPruneFailed(Exception exception);
}
