using RcmlEngine.Calls.Dialing;
using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Virtual;

/// <summary>A Dial recording on virtual calls: silence as long as it lasted (there is no audio).</summary>
internal sealed class VirtualCallRecording(string filePath, TimeProvider time) : ICallRecording
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private Task<RecordingResult>? _stopped;

    /// <inheritdoc />
    public void Join(IBridgeableCall second)
    {
    }

    /// <inheritdoc />
    public Task<RecordingResult> StopAsync() => _stopped ??= WriteAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<RecordingResult> WriteAsync()
    {
        var length = time.GetUtcNow() - _started;
        await SilentWav.WriteAsync(filePath, length, CancellationToken.None);
        return new RecordingResult(filePath, length, RecordingEnd.Hangup);
    }
}
