using System.Net.Sockets;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// How one <see cref="ReceiveLoop"/> learns which of its sockets have datagrams and reads them: epoll(7) and
/// recvmmsg(2) on 64-bit Linux (<see cref="EpollReceiveBackend"/>), poll(2) or <c>Socket.Select</c> with
/// plain receives elsewhere (<see cref="PollReceiveBackend"/>). Owned by the loop's thread, except
/// <see cref="Add"/>, <see cref="Remove"/> and <see cref="Wake"/>, which any thread may call.
/// </summary>
internal interface IReceiveBackend : IDisposable
{
    /// <summary>Starts watching a socket; <paramref name="token"/> comes back from <see cref="Wait"/> when it is readable.</summary>
    void Add(Socket socket, long token);

    /// <summary>Stops watching a socket (before it is closed).</summary>
    void Remove(Socket socket, long token);

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> (0: not at all, -1: until something happens) for readable
    /// sockets and writes their tokens; returns how many.
    /// </summary>
    int Wait(Span<long> ready, int timeoutMs);

    /// <summary>Ends a <see cref="Wait"/> in progress early (stopping).</summary>
    void Wake();

    /// <summary>Reads the datagrams waiting on a socket, without blocking, into <paramref name="batch"/>; returns how many.</summary>
    int Receive(Socket socket, ReceivedDatagrams batch);
}
