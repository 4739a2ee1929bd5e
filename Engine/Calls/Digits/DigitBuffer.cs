using System.Threading.Channels;
using RcmlEngine.Calls.Prompts;

namespace RcmlEngine.Calls.Digits;

/// <summary>
/// The keys the caller pressed and nobody has read yet: the call's digit stream. The media side pushes
/// every DTMF key it detects (RFC 4733 events, SIP INFO); Gather and Record read them. Holds at most
/// <see cref="Capacity"/> keys; when full the oldest key is dropped (a caller leaning on the keypad while
/// nothing listens must not grow memory). Thread-safe.
/// </summary>
internal sealed class DigitBuffer(TimeProvider time)
{
    /// <summary>Keys kept unread at most.</summary>
    public const int Capacity = 64;

    private readonly Channel<KeyPress> _keys = Channel.CreateBounded<KeyPress>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    /// <summary>
    /// Adds a key the caller pressed: <c>0-9 * # A-D</c> (lowercase <c>a-d</c> accepted). Returns false,
    /// keeping nothing, for anything else.
    /// </summary>
    public bool Push(char key) => Push(key, time.GetUtcNow());

    /// <summary>As <see cref="Push(char)"/>, for a key known to have arrived at <paramref name="at"/>.</summary>
    public bool Push(char key, DateTimeOffset at)
    {
        key = char.ToUpperInvariant(key);
        return DtmfSequence.IsKey(key) && _keys.Writer.TryWrite(new KeyPress(key, at));
    }

    /// <summary>Takes the oldest unread key, if any.</summary>
    public bool TryRead(out KeyPress press) => _keys.Reader.TryRead(out press);

    /// <summary>Looks at the oldest unread key without taking it.</summary>
    public bool TryPeek(out char key)
    {
        var found = _keys.Reader.TryPeek(out var press);
        key = press.Key;
        return found;
    }

    /// <summary>Takes the oldest unread key, waiting for one.</summary>
    public ValueTask<KeyPress> ReadAsync(CancellationToken cancellationToken) => _keys.Reader.ReadAsync(cancellationToken);

    /// <summary>Waits until a key is unread and returns it, leaving it unread (for interrupting a prompt).</summary>
    public async Task<char> PeekAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_keys.Reader.TryPeek(out var press))
            {
                return press.Key;
            }

            await _keys.Reader.WaitToReadAsync(cancellationToken);
        }
    }

    /// <summary>Drops every unread key (keys pressed while nothing listened).</summary>
    public void Clear()
    {
        while (_keys.Reader.TryRead(out _))
        {
        }
    }
}
