using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RcmlEngine.Media.Speech;

/// <summary>
/// Runs recognitions off the media and call threads: a bounded queue of <see cref="SpeechOptions.QueueCapacity"/>
/// utterances served by <see cref="SpeechOptions.EffectiveConcurrency"/> workers (one per core by default).
/// When the queue is full a new utterance is rejected at once (<see cref="SpeechRecognitionStatus.Rejected"/>),
/// so a burst of speech can neither block a call nor pile up work the host cannot finish.
/// </summary>
internal sealed partial class SpeechRecognitionQueue : IDisposable
{
    private readonly ISpeechRecognizer _recognizer;
    private readonly ILogger<SpeechRecognitionQueue> _logger;
    private readonly Channel<Job> _jobs;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _workers;

    /// <summary>Starts the workers.</summary>
    public SpeechRecognitionQueue(ISpeechRecognizer recognizer, SpeechOptions options, ILogger<SpeechRecognitionQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recognizer = recognizer;
        _logger = logger;
        Capacity = Math.Max(1, options.QueueCapacity);
        _jobs = Channel.CreateBounded<Job>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
        _workers = new Task[Math.Max(1, options.EffectiveConcurrency)];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = Task.Run(WorkAsync);
        }
    }

    /// <summary>Utterances that may wait.</summary>
    public int Capacity { get; }

    /// <summary>Recognitions running at once at most.</summary>
    public int Concurrency => _workers.Length;

    /// <summary>Whether the recognizer has a model for <paramref name="language"/>.</summary>
    public bool Supports(string language) => _recognizer.Supports(language);

    /// <summary>
    /// Queues <paramref name="request"/> and completes with its recognition; rejected at once when the
    /// queue is full or the host is stopping. Cancelling drops a waiting job and stops a running one.
    /// </summary>
    public Task<SpeechRecognition> RecognizeAsync(SpeechRecognitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new Job(request, cancellationToken);
        if (!_jobs.Writer.TryWrite(job))
        {
            LogRejected(Capacity);
            return Task.FromResult(SpeechRecognition.Problematic(SpeechRecognitionStatus.Rejected,
                $"speech recognition is busy ({Capacity} utterances waiting); the speech was not recognized"));
        }

        return job.Completion.Task;
    }

    /// <summary>Stops the workers; waiting jobs are cancelled.</summary>
    public void Dispose()
    {
        _jobs.Writer.TryComplete();
        _stopping.Cancel();
        while (_jobs.Reader.TryRead(out var job))
        {
            job.Completion.TrySetCanceled(_stopping.Token);
        }

        _stopping.Dispose();
    }

    private async Task WorkAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stopping))
            {
                await RunAsync(job, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunAsync(Job job, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken, stopping);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            job.Completion.TrySetResult(await _recognizer.RecognizeAsync(job.Request, linked.Token));
        }
        catch (OperationCanceledException exception)
        {
            job.Completion.TrySetCanceled(exception.CancellationToken);
        }
#pragma warning disable CA1031 // A recognizer's bug must fail one recognition, never the worker.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogWorkerFailed(exception);
            job.Completion.TrySetResult(SpeechRecognition.Problematic(SpeechRecognitionStatus.Failed, exception.Message));
        }
    }

    private sealed record Job(SpeechRecognitionRequest Request, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<SpeechRecognition> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
