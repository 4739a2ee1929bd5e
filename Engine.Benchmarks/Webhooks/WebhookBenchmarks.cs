using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Signing;

namespace RcmlEngine.Benchmarks.Webhooks;

/// <summary>
/// What a call pays on its own path for webhooks: signing a request, and enqueueing a status callback
/// (stamping and handing over; persisting and delivery happen elsewhere, here with a no-op store and sender).
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
        new("CallStatus", "ringing"),
        new("Direction", "inbound"),
        new("ApiVersion", "2010-04-01"),
    ];

    private CallbackDispatcher _dispatcher = null!;
    private WebhookRequest _request = null!;
    private int _call;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = Options.Create(new WebhookOptions());
        options.Value.Queue.MaxPending = int.MaxValue;
        _dispatcher = new CallbackDispatcher(new NoStore(), new NoSender(), TimeProvider.System, options, NullLogger<CallbackDispatcher>.Instance);
        await _dispatcher.StartAsync(CancellationToken.None);
        _request = new WebhookRequest(new Uri("https://app.example.com/status"), WebhookMethod.Post, Parameters, "token");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _dispatcher.DisposeAsync();

    [Benchmark]
    public string Sign() => TwilioSignature.Compute("token", "https://app.example.com/voice", Parameters);

    [Benchmark]
    public bool EnqueueStatus()
    {
        // A new call every 4 events, as initiated, ringing, answered, completed.
        var call = Interlocked.Increment(ref _call);
        var callSid = "CA" + (call / 4).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        if (call % 4 == 3)
        {
            _dispatcher.Complete(callSid);
        }

        return _dispatcher.EnqueueStatus(callSid, _request);
    }

    private sealed class NoSender : ICallbackSender
    {
        public Task<CallbackResult> SendAsync(WebhookRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new CallbackResult { StatusCode = 204, Attempts = 1 });
    }

    private sealed class NoStore : ICallbackStore
    {
        public Task AddAsync(IReadOnlyList<PendingCallback> callbacks, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(long id, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordAttemptsAsync(long id, int attempts, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<PendingCallback>> LoadAsync(int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PendingCallback>>([]);

        public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
