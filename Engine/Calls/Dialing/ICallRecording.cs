using RcmlEngine.Media.Recording;

namespace RcmlEngine.Calls.Dialing;

/// <summary>
/// A recording of a Dial (<c>record</c>): the first party from the start, the second once it joins
/// (<see cref="Join"/>), mixed into mono or one channel each. Stop it to get the file.
/// </summary>
internal interface ICallRecording : IAsyncDisposable
{
    /// <summary>The second party's audio is recorded from now on (right channel when dual).</summary>
    void Join(IBridgeableCall second);

    /// <summary>Ends the recording and returns the finished file; idempotent.</summary>
    Task<RecordingResult> StopAsync();
}
