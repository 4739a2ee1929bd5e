using RcmlEngine.Streams;

namespace RcmlEngine.Execution.Streams;

/// <summary>A stream that is running on a call: its client, its name, and the task that ends it.</summary>
internal sealed class RunningStream
{
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the handle.</summary>
    public RunningStream(MediaStreamClient client, string name)
    {
        Client = client;
        Name = name;
    }

    /// <summary>The WebSocket client.</summary>
    public MediaStreamClient Client { get; }

    /// <summary>Its name (<c>name</c>, or the StreamSid).</summary>
    public string Name { get; }

    /// <summary>Its StreamSid.</summary>
    public string StreamSid => Client.Start.StreamSid;

    /// <summary>Completes once the stream has ended and its callbacks were queued.</summary>
    public Task Finished { get; set; } = Task.CompletedTask;

    /// <summary>Completes when <see cref="RequestStop"/> was called.</summary>
    public Task StopRequested => _stopRequested.Task;

    /// <summary>Asks the stream to stop (<c>&lt;Stop&gt;</c>); <see cref="Finished"/> says when it has.</summary>
    public void RequestStop() => _stopRequested.TrySetResult();
}
