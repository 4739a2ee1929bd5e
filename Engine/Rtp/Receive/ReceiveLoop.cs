using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Rtp.Receive;

/// <summary>
/// One receive thread and the sockets it reads: it waits until some are readable (with an interval, it
/// then rests that long before the next look), reads what each holds and hands every datagram to its
/// receiver on this thread.
/// </summary>
internal sealed partial class ReceiveLoop : IDisposable
{
    // Readable sockets handled per wait; more simply come back on the next one.
    private const int MaxReady = 256;

    // A wait without an interval still returns this often, so a lost wake-up cannot hang a stop.
    private const int IdleWaitMs = 1000;

    private readonly IReceiveBackend _backend;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly long[] _ready = new long[MaxReady];
    private readonly ReceivedDatagrams _batch = new(16);
    private readonly Thread? _thread;
    private readonly Action? _onThreadStart;
    private Registration?[] _slots = new Registration?[64];
    private int _nextSlot;
    private int _count;
    private long _generation;
    private volatile bool _stopping;

    /// <summary>Creates the loop; with a thread name, starts its thread, otherwise a test drives <see cref="RunOnce"/>.</summary>
    public ReceiveLoop(IReceiveBackend backend, TimeSpan interval, ILogger logger, string? threadName, Action? onThreadStart = null)
    {
        _backend = backend;
        _interval = interval;
        _logger = logger;
        _onThreadStart = onThreadStart;
        if (threadName is not null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = threadName, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }
    }

    /// <summary>Sockets being read.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts reading a receiver's socket; dispose the result to stop (before closing the socket).</summary>
    public IDisposable Add(IPolledReceiver receiver)
    {
        Registration registration;
        lock (_lock)
        {
            var slot = FreeSlot();
            registration = new Registration(this, receiver, slot, ++_generation);
            var slots = _slots;
            if (slot >= slots.Length)
            {
                // Copy on grow: the loop thread reads the array without locking.
                Array.Resize(ref slots, slots.Length * 2);
            }

            slots[slot] = registration;
            Volatile.Write(ref _slots, slots);
            _count++;
        }

        try
        {
            _backend.Add(receiver.Socket, registration.Token);
        }
        catch
        {
            // Not watched (a closed socket): the slot is given back.
            registration.Dispose();
            throw;
        }

        return registration;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for readable sockets and reads them; returns the datagrams handed over.</summary>
    public int RunOnce(int timeoutMs)
    {
        var ready = _backend.Wait(_ready, timeoutMs);
        var handed = 0;
        var slots = Volatile.Read(ref _slots);
        for (var i = 0; i < ready; i++)
        {
            var token = _ready[i];
            var slot = (int)(token & 0xFFFFF);
            var registration = slot < slots.Length ? slots[slot] : null;
            if (registration is not null && registration.Token == token && !registration.Removed)
            {
                handed += Drain(registration);
            }
        }

        return handed;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        _backend.Wake();
        _thread?.Join();
        _backend.Dispose();
    }

    private int Drain(Registration registration)
    {
        try
        {
            var count = _backend.Receive(registration.Receiver.Socket, _batch);
            for (var i = 0; i < count && !registration.Removed; i++)
            {
                registration.Receiver.OnDatagram(_batch.Datagram(i), _batch.From(i));
            }

            return count;
        }
        catch (ObjectDisposedException)
        {
            // The session closed its socket; its registration goes with it.
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize or SocketError.WouldBlock)
        {
            // An ICMP error for an earlier send, an oversized datagram, or nothing after all: read on.
        }
        catch (Exception ex) when (!registration.Failed)
        {
            // One faulty receiver must not stop the others; it is reported once.
            registration.Failed = true;
            LogReceiveFailed(ex);
        }
        catch (Exception)
        {
            // Already reported for this receiver.
        }

        return 0;
    }

    // Waits for the first readable socket and reads every one that is; with an interval, then rests that
    // long, so packets arriving meanwhile are read together: at most one sweep per interval, none while
    // nothing arrives, and a packet waits at most the interval plus a sweep.
    private void Run()
    {
        _onThreadStart?.Invoke();
        while (!_stopping)
        {
            RunOnce(IdleWaitMs);
            if (_interval <= TimeSpan.Zero)
            {
                continue;
            }

            if (!_stopping)
            {
                PreciseSleep.For(_interval);
            }
        }
    }

    // The lowest free slot at or after the last one given (the lock is held); slots are reused once freed.
    private int FreeSlot()
    {
        var slots = _slots;
        for (var n = 0; n < slots.Length; n++)
        {
            var slot = (_nextSlot + n) % slots.Length;
            if (slots[slot] is null)
            {
                _nextSlot = slot + 1;
                return slot;
            }
        }

        _nextSlot = slots.Length + 1;
        return slots.Length;
    }

    private void Remove(Registration registration)
    {
        _backend.Remove(registration.Receiver.Socket, registration.Token);
        lock (_lock)
        {
            if (ReferenceEquals(_slots[registration.Slot], registration))
            {
                _slots[registration.Slot] = null;
                _count--;
            }
        }
    }

    /// <summary>A registered receiver; disposing it stops the reading.</summary>
    private sealed class Registration(ReceiveLoop owner, IPolledReceiver receiver, int slot, long generation) : IDisposable
    {
        private int _disposed;

        public IPolledReceiver Receiver { get; } = receiver;

        public int Slot { get; } = slot;

        // The slot in the low 20 bits, the generation above: an event for a freed and reused slot is told apart.
        public long Token { get; } = (generation << 20) | (uint)slot;

        public bool Failed { get; set; }

        public bool Removed => Volatile.Read(ref _disposed) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
