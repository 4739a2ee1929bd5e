using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// The Linux system calls the RTP receive path uses (epoll(7), recvmmsg(2), eventfd(2)), for 64-bit
/// processes (the structures below have the LP64 layout). DllImport with blittable arrays: the marshaller
/// pins them, no unsafe code.
/// </summary>
internal static class LinuxSocketCalls
{
    /// <summary>epoll_create1(2) flag: close on exec.</summary>
    public const int EpollCloseOnExec = 0x80000;

    /// <summary>epoll_ctl(2) operations.</summary>
    public const int EpollAdd = 1;

    /// <summary>epoll_ctl(2) operations.</summary>
    public const int EpollDelete = 2;

    /// <summary>epoll event: readable.</summary>
    public const uint EpollIn = 0x001;

    /// <summary>recvmmsg(2) flag: do not block.</summary>
    public const int DontWait = 0x40;

    /// <summary>msg_flags: the datagram was longer than the buffer.</summary>
    public const int Truncated = 0x20;

    /// <summary>eventfd(2) flags: non-blocking, close on exec.</summary>
    public const int EventFdFlags = 0x800 | 0x80000;

    /// <summary>errno: interrupted by a signal.</summary>
    public const int Interrupted = 4;

    /// <summary>The size of struct epoll_event: packed (12 bytes) on x86-64, 16 elsewhere.</summary>
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    /// <summary>Where epoll_event.data starts.</summary>
    public static readonly int EpollDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    /// <summary>True where these calls exist and the layouts hold: Linux, 64-bit.</summary>
    public static bool Available => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int EpollCreate(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int EpollControl(int epoll, int operation, int fd, [In] byte[] evt);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int EpollWait(int epoll, [Out] byte[] events, int maxEvents, int timeoutMs);

    [DllImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int ReceiveMessages(int fd, [In, Out] MessageHeader[] messages, uint count, int flags, nint timeout);

    [DllImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int EventFd(uint initial, int flags);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint Write(int fd, [In] byte[] buffer, nuint count);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint Read(int fd, [Out] byte[] buffer, nuint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Close(int fd);

    /// <summary>struct mmsghdr (a struct msghdr and the received length), LP64 layout.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct MessageHeader
    {
        /// <summary>msg_name: where the source address goes.</summary>
        [FieldOffset(0)]
        public nint Name;

        /// <summary>msg_namelen: its room in, its length out.</summary>
        [FieldOffset(8)]
        public int NameLength;

        /// <summary>msg_iov: the one struct iovec.</summary>
        [FieldOffset(16)]
        public nint Vectors;

        /// <summary>msg_iovlen.</summary>
        [FieldOffset(24)]
        public nuint VectorCount;

        /// <summary>msg_flags out (MSG_TRUNC).</summary>
        [FieldOffset(48)]
        public int Flags;

        /// <summary>msg_len: bytes received.</summary>
        [FieldOffset(56)]
        public uint Length;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        /// <summary>iov_base.</summary>
        public nint Base;

        /// <summary>iov_len.</summary>
        public nuint Length;
    }
}
