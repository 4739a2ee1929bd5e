using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// Which of many sockets have data to read, with one poll(2) call over a reused array (no
/// allocation per call). Where poll(2) is not available (Windows), <c>Socket.Select</c> does it.
/// Owned by one thread.
/// </summary>
internal sealed class SocketPoll
{
    // poll(2): there is data to read.
    private const short PollIn = 0x0001;

    private readonly List<Socket> _selectList = [];
    private PollFd[] _fds = [];
    private Socket[] _sockets = [];
    private int _count;

    /// <summary>Sets the sockets to watch.</summary>
    public void Reset(IReadOnlyList<Socket> sockets)
    {
        if (_fds.Length < sockets.Count)
        {
            _fds = new PollFd[sockets.Count * 2];
            _sockets = new Socket[sockets.Count * 2];
        }

        _count = 0;
        foreach (var socket in sockets)
        {
            try
            {
                _fds[_count] = new PollFd { Fd = (int)socket.SafeHandle.DangerousGetHandle(), Events = PollIn };
                _sockets[_count++] = socket;
            }
            catch (ObjectDisposedException)
            {
                // Closed meanwhile: nothing to watch.
            }
        }
    }

    /// <summary>Calls <paramref name="onReadable"/> for each watched socket with data waiting, waiting up to <paramref name="timeoutMs"/> for some.</summary>
    public void ForEachReadable(Action<int> onReadable, int timeoutMs = 0)
    {
        if (_count == 0)
        {
            if (timeoutMs > 0)
            {
                Thread.Sleep(timeoutMs);
            }

            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            if (Poll(_fds, (nuint)_count, timeoutMs) > 0)
            {
                for (var i = 0; i < _count; i++)
                {
                    if (_fds[i].ReturnedEvents != 0)
                    {
                        onReadable(i);
                    }
                }
            }

            return;
        }

        _selectList.Clear();
        _selectList.AddRange(_sockets.AsSpan(0, _count));
        Socket.Select(_selectList, null, null, timeoutMs * 1000);
        foreach (var socket in _selectList)
        {
            onReadable(Array.IndexOf(_sockets, socket, 0, _count));
        }
    }

    // DllImport rather than LibraryImport: the array of blittable structs is pinned, no unsafe code needed.
    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Poll([In, Out] PollFd[] fds, nuint count, int timeout);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
