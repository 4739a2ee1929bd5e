using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp;

/// <summary>
/// Raises the calling thread's scheduling priority on Linux (its nice value, which Linux keeps per
/// thread), so the media threads keep their deadlines when the host is busy. .NET's
/// <see cref="Thread.Priority"/> does nothing on Linux. Needs CAP_SYS_NICE for values below 0;
/// without it, or off Linux, nothing changes.
/// </summary>
internal static class ThreadNice
{
    // setpriority(2): "which" for a process; on Linux a thread id there names just that thread.
    private const int PriorityProcess = 0;

    /// <summary>Sets the calling thread's nice value; false when the system refused or cannot.</summary>
    public static bool TrySet(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice == 0)
        {
            return false;
        }

        try
        {
            return SetPriority(PriorityProcess, GetThreadId(), nice) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
