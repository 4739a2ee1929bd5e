namespace RcmlEngine.Sip.Transactions;

/// <summary>One scheduled callback of the <see cref="SipTimerQueue"/>; cancel it when its state is left.</summary>
internal sealed class SipTimer
{
    private Action? _callback;

    public SipTimer(Action callback) => _callback = callback;

    public bool IsCancelled => Volatile.Read(ref _callback) is null;

    public void Cancel() => Volatile.Write(ref _callback, null);

    internal void Run() => Interlocked.Exchange(ref _callback, null)?.Invoke();
}
