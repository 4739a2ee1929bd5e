namespace RcmlEngine.Calls.Virtual;

/// <summary>
/// A person at a terminal: at each listening it asks for a line of keys (<c>123#</c>; an empty line is
/// silence; end of input hangs up). A line still being typed when the engine stops listening (a Gather
/// timed out) is kept for the next listening.
/// </summary>
internal sealed class TextReaderCaller(TextReader input, TextWriter prompt) : IVirtualCaller
{
    private Task<string?>? _pending;

    /// <inheritdoc />
    public async ValueTask<string?> NextInputAsync(VirtualInput kind, CancellationToken cancellationToken)
    {
        if (_pending is null)
        {
            var question = kind == VirtualInput.Recording
                ? "      (recording: Enter when done talking, or keys to finish, e.g. #) > "
                : "      (keys, e.g. 123#, Enter for none) > ";
            await prompt.WriteAsync(question.AsMemory(), cancellationToken);
            await prompt.FlushAsync(cancellationToken);
            _pending = input.ReadLineAsync(CancellationToken.None).AsTask();
        }

        var line = await _pending.WaitAsync(cancellationToken);
        _pending = null;
        return line?.Trim();
    }
}
