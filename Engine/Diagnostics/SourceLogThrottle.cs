using System.Net;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Diagnostics;

/// <summary>
/// Bounds the log lines one source address can cause: at most a number per minute and component. Past
/// it, the first line held back is replaced by one saying that lines are being suppressed, and the first
/// line of a later minute is preceded by one giving how many were. A flood of 5,000 bad requests writes a
/// handful of lines, not 5,000.
/// </summary>
internal sealed partial class SourceLogThrottle
{
    private readonly PerKeyRateLimiter<IPAddress> _limiter;
    private readonly int _linesPerMinute;

    /// <param name="linesPerMinute">Lines per source and minute; 0 or less: no limit.</param>
    /// <param name="time">The clock.</param>
    public SourceLogThrottle(int linesPerMinute, TimeProvider time)
    {
        _linesPerMinute = linesPerMinute;
        _limiter = new PerKeyRateLimiter<IPAddress>(linesPerMinute, TimeSpan.FromMinutes(1), time);
    }

    /// <summary>
    /// True when a line about <paramref name="source"/> may be written to <paramref name="logger"/> now; writes
    /// the lines about suppression itself (how many were held back, or that holding back starts).
    /// </summary>
    public bool ShouldLog(ILogger logger, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var decision = Check(source, out var suppressedBefore);
        if (suppressedBefore > 0)
        {
            LogSuppressed(logger, AddressRanges.Normalize(source), new Counted(suppressedBefore, "log line"));
        }

        if (decision == Decision.StartSuppressing)
        {
            LogSuppressing(logger, AddressRanges.Normalize(source), _linesPerMinute);
        }

        return decision == Decision.Write;
    }

    /// <summary>What to write for one line about a source.</summary>
    public enum Decision
    {
        /// <summary>Write the line.</summary>
        Write,

        /// <summary>Write that lines from this source are suppressed for the rest of the minute, instead of the line.</summary>
        StartSuppressing,

        /// <summary>Write nothing.</summary>
        Suppress,
    }

    /// <summary>Decides for one line about <paramref name="source"/>; <paramref name="suppressedBefore"/> is the count to report first, when not 0.</summary>
    public Decision Check(IPAddress source, out int suppressedBefore)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_limiter.TryAcquire(AddressRanges.Normalize(source), out suppressedBefore, out var refusedNow))
        {
            return Decision.Write;
        }

        return refusedNow == 1 ? Decision.StartSuppressing : Decision.Suppress;
    }
}
