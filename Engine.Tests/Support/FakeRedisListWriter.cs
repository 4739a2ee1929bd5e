using System.Threading.Channels;
using RcmlEngine.Notifications.Redis;

namespace RcmlEngine.Tests.Support;

/// <summary>A Redis list in memory that can be made to refuse pushes (an outage), recording what it took in BRPOP order.</summary>
internal sealed class FakeRedisListWriter : IRedisListWriter
{
    private readonly List<string> _list = [];
    private readonly Channel<int> _refused = Channel.CreateUnbounded<int>();
    private int _failures;

    /// <summary>While true, every push throws as an unreachable Redis would.</summary>
    public bool Down { get; set; }

    /// <summary>Pushes refused so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>The text that any exception of a refused push carries (checked against logs).</summary>
    public string FailureText { get; set; } = "UnableToConnect on 127.0.0.1:6379";

    /// <summary>What the list holds, oldest (first to BRPOP) first.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_list)
            {
                return [.. _list];
            }
        }
    }

    public Task PushAsync(IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        if (Down)
        {
            _refused.Writer.TryWrite(Interlocked.Increment(ref _failures));
            throw new IOException(FailureText);
        }

        lock (_list)
        {
            _list.AddRange(messages);
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes once <paramref name="count"/> pushes in all were refused.</summary>
    public async Task WaitForFailuresAsync(int count, CancellationToken cancellationToken)
    {
        while (Failures < count)
        {
            await _refused.Reader.ReadAsync(cancellationToken);
        }
    }

    public string Redact(string text) => text.Replace("s3cret", "***", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
