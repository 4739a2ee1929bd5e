using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks.Http;

namespace RcmlEngine.Webhooks.Callbacks;

/// <summary>
/// The callback queue. <see cref="Enqueue"/> stamps a callback and hands it to a channel (memory only,
/// at once); a persister writes what arrives to the store in batches, then routes each callback to its
/// call's queue, where one worker per call delivers them in order (see <c>CallbackDispatcher.Delivery.cs</c>).
/// Memory is bounded by <see cref="CallbackQueueOptions.MaxPending"/>: past it new callbacks are dropped
/// and logged. Stopping persists what was enqueued; undelivered callbacks are loaded again on start.
/// </summary>
internal sealed partial class CallbackDispatcher : ICallbackDispatcher, IHostedService, IAsyncDisposable
{
    /// <summary>The <c>CallbackSource</c> of status callbacks (Twilio's value for call progress).</summary>
    public const string CallProgressEvents = "call-progress-events";

    private const int PersistBatch = 256;

    private readonly ICallbackStore _store;
    private readonly ICallbackSender _sender;
    private readonly TimeProvider _time;
    private readonly CallbackQueueOptions _options;
    private readonly ILogger<CallbackDispatcher> _logger;
    private readonly Channel<PendingCallback> _incoming = Channel.CreateUnbounded<PendingCallback>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Dictionary<string, int>> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallbackQueue> _queues = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];
    private TaskCompletionSource? _idle;
    private Task? _persister;
    private int _pending;
    private bool _stopRequested;
    private int _disposed;
    private int _started;

    /// <summary>Creates a dispatcher; <see cref="StartAsync"/> recovers stored callbacks and starts delivering.</summary>
    public CallbackDispatcher(ICallbackStore store, ICallbackSender sender, TimeProvider time,
        IOptions<WebhookOptions> options, ILogger<CallbackDispatcher> logger)
    {
        _store = store;
        _sender = sender;
        _time = time;
        _options = options.Value.Queue;
        _logger = logger;
    }

    /// <summary>Callbacks enqueued or recovered and not yet delivered or given up.</summary>
    public int PendingCount
    {
        get
        {
            lock (_sync)
            {
                return _pending;
            }
        }
    }

    /// <inheritdoc />
    public bool EnqueueStatus(string callSid, WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_sync)
        {
            if (!CanAccept(callSid, request))
            {
                return false;
            }

            var sequences = _sequences.TryGetValue(callSid, out var known) ? known : _sequences[callSid] = new(StringComparer.Ordinal);
            var target = request.Url.OriginalString;
            var sequence = sequences.GetValueOrDefault(target);
            sequences[target] = sequence + 1;
            var extra = new List<KeyValuePair<string, string>> { new("SequenceNumber", sequence.ToString(CultureInfo.InvariantCulture)) };
            AddUnlessPresent(request, extra, "Timestamp", Rfc2822Timestamp.Format(_time.GetUtcNow()));
            AddUnlessPresent(request, extra, "CallbackSource", CallProgressEvents);
            Accept(callSid, request.WithParameters(extra));
            return true;
        }
    }

    /// <inheritdoc />
    public bool Enqueue(string callSid, WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_sync)
        {
            if (!CanAccept(callSid, request))
            {
                return false;
            }

            Accept(callSid, request);
            return true;
        }
    }

    /// <inheritdoc />
    public void Complete(string callSid)
    {
        lock (_sync)
        {
            _sequences.Remove(callSid);
        }
    }

    /// <summary>Completes when nothing is pending (all delivered or given up).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private bool CanAccept(string callSid, WebhookRequest request)
    {
        if (_stopRequested)
        {
            LogDropped(callSid, SafeUrl.Of(request.Url), "the dispatcher is stopping");
            return false;
        }

        if (_pending >= _options.MaxPending)
        {
            LogDropped(callSid, SafeUrl.Of(request.Url), $"{_pending} callbacks are pending (Webhooks:Queue:MaxPending)");
            return false;
        }

        return true;
    }

    // Under _sync: the channel then receives each call's callbacks in the order they were stamped.
    private void Accept(string queueKey, WebhookRequest request)
    {
        _pending++;
        _incoming.Writer.TryWrite(new PendingCallback { QueueKey = queueKey, Request = request, CreatedAt = _time.GetUtcNow() });
    }

    private static void AddUnlessPresent(WebhookRequest request, List<KeyValuePair<string, string>> extra, string name, string value)
    {
        if (!request.Parameters.Any(p => string.Equals(p.Key, name, StringComparison.Ordinal)))
        {
            extra.Add(new(name, value));
        }
    }
}
