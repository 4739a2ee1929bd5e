using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// Sleeps for a fraction of a millisecond: nanosleep(2) on Linux (a real-time thread has no timer slack;
/// a normal one about 50 us), where <see cref="Thread.Sleep(TimeSpan)"/> rounds up to whole milliseconds.
/// Elsewhere it falls back to that.
/// </summary>
internal static class PreciseSleep
{
    /// <summary>Blocks the calling thread for about <paramref name="duration"/>.</summary>
    public static void For(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        if (!LinuxSocketCalls.Available)
        {
            Thread.Sleep(duration);
            return;
        }

        var nanoseconds = duration.Ticks * 100;
        var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };

        // Interrupted by a signal (the runtime's): the rest is skipped, the next sweep comes a little early.
        _ = NanoSleep(ref request, 0);
    }

    [DllImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NanoSleep(ref TimeSpec request, nint remaining);

    /// <summary>struct timespec (LP64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
