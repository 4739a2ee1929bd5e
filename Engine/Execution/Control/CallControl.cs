namespace RcmlEngine.Execution.Control;

/// <summary>
/// The handle through which a running call is changed from outside its documents (the REST API): a
/// redirect makes the call leave whatever it runs (a prompt, a Gather, a Dial and its legs, a fetch) and
/// go on with a new document, exactly as a <c>&lt;Redirect&gt;</c> would. The interpreter opens a
/// cancellation scope per document (<see cref="BeginDocument"/>) and takes the redirect when that scope is
/// cancelled. Thread-safe.
/// </summary>
internal sealed class CallControl
{
    private readonly Lock _sync = new();
    private CancellationTokenSource? _document;
    private Navigation? _pending;
    private bool _finished;

    /// <summary>
    /// Asks the call to leave what it runs and continue with <paramref name="target"/> (a later redirect
    /// replaces one not yet taken). False when the call's documents are over (it has ended or is ending).
    /// </summary>
    public bool Redirect(Navigation target)
    {
        ArgumentNullException.ThrowIfNull(target);
        CancellationTokenSource? running;
        lock (_sync)
        {
            if (_finished)
            {
                return false;
            }

            _pending = target;
            running = _document;
        }

        // Outside the lock: cancelling runs the verb's cancellation callbacks on this thread.
        running?.Cancel();
        return true;
    }

    /// <summary>
    /// The cancellation scope of the next document, linked to <paramref name="cancellationToken"/>; already
    /// cancelled when a redirect is waiting. The caller disposes it when the document is done.
    /// </summary>
    public CancellationTokenSource BeginDocument(CancellationToken cancellationToken)
    {
        var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bool waiting;
        lock (_sync)
        {
            _document = scope;
            waiting = _pending is not null;
        }

        if (waiting)
        {
            scope.Cancel();
        }

        return scope;
    }

    /// <summary>The redirect asked for since the last one was taken, or null; taking it clears it.</summary>
    public Navigation? TakeRedirect()
    {
        lock (_sync)
        {
            var pending = _pending;
            _pending = null;
            return pending;
        }
    }

    /// <summary>The call's documents are over: later redirects are refused.</summary>
    public void Finish()
    {
        lock (_sync)
        {
            _finished = true;
            _document = null;
            _pending = null;
        }
    }
}
