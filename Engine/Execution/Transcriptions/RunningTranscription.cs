namespace RcmlEngine.Execution.Transcriptions;

/// <summary>A transcription that is running on a call: its name, its sid, and the task that ends it.</summary>
internal sealed class RunningTranscription(string name, string transcriptionSid)
{
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Its name (<c>name</c>, or the TranscriptionSid).</summary>
    public string Name { get; } = name;

    /// <summary>Its TranscriptionSid.</summary>
    public string TranscriptionSid { get; } = transcriptionSid;

    /// <summary>Completes once the transcription has ended and its last callback was queued.</summary>
    public Task Finished { get; set; } = Task.CompletedTask;

    /// <summary>Completes when <see cref="RequestStop"/> was called.</summary>
    public Task StopRequested => _stopRequested.Task;

    /// <summary>Asks the transcription to stop (<c>&lt;Stop&gt;</c>); <see cref="Finished"/> says when it has.</summary>
    public void RequestStop() => _stopRequested.TrySetResult();
}
