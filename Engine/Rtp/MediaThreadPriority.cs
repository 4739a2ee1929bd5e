using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp;

/// <summary>
/// Raises the calling thread's scheduling priority on Linux, so the media threads keep their
/// deadlines when the host is busy (.NET's <see cref="Thread.Priority"/> does nothing on Linux):
/// either a real-time round-robin priority (SCHED_RR, preempts every normal thread; the kernel
/// still caps real-time threads at 95% of a CPU) or a lower nice value, which Linux keeps per thread.
/// Both need CAP_SYS_NICE (root has it); without it, or off Linux, nothing changes.
/// </summary>
internal static class MediaThreadPriority
{
    // setpriority(2): "which" for a process; on Linux a thread id there names just that thread.
    private const int PriorityProcess = 0;

    // sched_setscheduler(2) policy; pid 0 is the calling thread.
    private const int SchedRoundRobin = 2;

    /// <summary>Applies the options to the calling thread; returns what took effect, for the log.</summary>
    public static string Apply(RtpOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "default (not Linux)";
        }

        try
        {
            if (options.MediaThreadRealtimePriority > 0)
            {
                var parameters = new SchedParam { Priority = Math.Clamp(options.MediaThreadRealtimePriority, 1, 99) };
                if (SetScheduler(0, SchedRoundRobin, ref parameters) == 0)
                {
                    return $"SCHED_RR {parameters.Priority}";
                }
            }

            if (options.MediaThreadNice != 0 && SetPriority(PriorityProcess, GetThreadId(), options.MediaThreadNice) == 0)
            {
                return $"nice {options.MediaThreadNice}";
            }
        }
        catch (EntryPointNotFoundException)
        {
            // An old C library: keep the default.
        }
        catch (DllNotFoundException)
        {
            // No libc by that name: keep the default.
        }

        return "default";
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetScheduler(int pid, int policy, ref SchedParam parameters);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();

    /// <summary>struct sched_param.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
