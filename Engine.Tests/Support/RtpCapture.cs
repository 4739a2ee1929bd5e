using System.Collections.Concurrent;
using System.Net.Sockets;

namespace RcmlEngine.Tests.Support;

/// <summary>Collects the RTP packets a test socket receives, in the background, until disposed.</summary>
internal sealed class RtpCapture : IDisposable
{
    private readonly ConcurrentQueue<byte[]> _packets = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RtpCapture(Socket socket)
    {
        _loop = Task.Run(async () =>
        {
            var buffer = new byte[2048];
            try
            {
                while (true)
                {
                    var length = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    _packets.Enqueue(buffer[..length]);
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        });
    }

    /// <summary>The packets received so far.</summary>
    public List<byte[]> Packets => [.. _packets];

    public int Count => _packets.Count;

    /// <summary>Waits until at least <paramref name="count"/> packets arrived in all.</summary>
    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (_packets.Count < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cancellationToken);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(2));
        _stop.Dispose();
    }
}
