namespace RcmlEngine.Execution.Control;

/// <summary>
/// A call's application, replaceable while the call runs (the REST API changes its status callback): the
/// status callbacks and fallbacks read it when they need it.
/// </summary>
internal sealed class CallApplicationHolder(CallApplication application)
{
    private CallApplication _current = application;

    /// <summary>The application now.</summary>
    public CallApplication Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value ?? throw new ArgumentNullException(nameof(value)));
    }
}
