namespace RcmlEngine.Calls.ClickToCall;

/// <summary>
/// One click-to-call setup's progress, written by the service's run and read by GET (thread-safe). States
/// only move forward; a failed or ended setup keeps its last state.
/// </summary>
internal sealed class ClickToCallSetup
{
    private readonly Lock _lock = new();
    private readonly List<ClickToCallEvent> _events = [];
    private readonly TimeProvider _time;
    private ClickToCallState _state = ClickToCallState.Ringing;
    private ClickToCallMode _mode = ClickToCallMode.Refer;
    private string? _callSid;
    private string? _bridgedCallSid;
    private int? _sipCode;
    private string? _sipReason;
    private string? _error;
    private DateTimeOffset? _endedAt;

    /// <summary>A setup that starts ringing now.</summary>
    public ClickToCallSetup(ClickToCallRequest request, TimeProvider time)
    {
        Request = request;
        _time = time;
        CreatedAt = time.GetUtcNow();
        _events.Add(new ClickToCallEvent(ClickToCallState.Ringing, null, null, CreatedAt));
    }

    /// <summary>What the setup does.</summary>
    public ClickToCallRequest Request { get; }

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>True once the setup's work is over.</summary>
    public bool IsEnded
    {
        get
        {
            lock (_lock)
            {
                return _endedAt is not null;
            }
        }
    }

    /// <summary>True when the result may be forgotten at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _endedAt is { } ended && ended + Request.ResultCacheTime <= now;
        }
    }

    /// <summary>The engine's legs.</summary>
    public void SetCalls(string? callSid, string? bridgedCallSid = null)
    {
        lock (_lock)
        {
            _callSid = callSid ?? _callSid;
            _bridgedCallSid = bridgedCallSid ?? _bridgedCallSid;
        }
    }

    /// <summary>Switches to the engine bridging the parties.</summary>
    public void SetMode(ClickToCallMode mode)
    {
        lock (_lock)
        {
            _mode = mode;
        }
    }

    /// <summary>
    /// Moves to <paramref name="state"/> with the SIP status that brought it. Going back (a late 180 after
    /// the answer) or moving after the end is ignored; the same state again only updates the SIP status.
    /// </summary>
    public void Advance(ClickToCallState state, int? sipCode, string? reason)
    {
        lock (_lock)
        {
            if (_endedAt is not null || _state == ClickToCallState.Failed || state < _state)
            {
                return;
            }

            _sipCode = sipCode ?? _sipCode;
            _sipReason = sipCode is null ? _sipReason : reason;
            if (state == _state && _events.Count > 0 && _events[^1].SipCode is not null)
            {
                return;
            }

            if (state == _state)
            {
                _events[^1] = _events[^1] with { SipCode = sipCode, Reason = reason };
                return;
            }

            _state = state;
            _events.Add(new ClickToCallEvent(state, sipCode, reason, _time.GetUtcNow()));
        }
    }

    /// <summary>Fails the setup (once) and ends it.</summary>
    public void Fail(int? sipCode, string? reason, string error)
    {
        lock (_lock)
        {
            if (_endedAt is not null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            (_state, _sipCode, _sipReason, _error, _endedAt) = (ClickToCallState.Failed, sipCode, reason, error, now);
            _events.Add(new ClickToCallEvent(ClickToCallState.Failed, sipCode, error, now));
        }
    }

    /// <summary>Ends the setup's work in its current state; the result is kept from now on for <see cref="ClickToCallRequest.ResultCacheTime"/>.</summary>
    public void End()
    {
        lock (_lock)
        {
            _endedAt ??= _time.GetUtcNow();
        }
    }

    /// <summary>A consistent copy for GET.</summary>
    public ClickToCallStatus Snapshot()
    {
        lock (_lock)
        {
            return new ClickToCallStatus
            {
                Request = Request,
                State = _state,
                Mode = _mode,
                CallSid = _callSid,
                BridgedCallSid = _bridgedCallSid,
                SipCode = _sipCode,
                SipReason = _sipReason,
                Error = _error,
                CreatedAt = CreatedAt,
                EndedAt = _endedAt,
                ExpiresAt = _endedAt + Request.ResultCacheTime,
                Events = [.. _events],
            };
        }
    }
}
