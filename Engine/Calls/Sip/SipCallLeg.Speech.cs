using RcmlEngine.Calls.Prompts;
using RcmlEngine.Calls.Speech;
using RcmlEngine.Media.Speech;

namespace RcmlEngine.Calls.Sip;

/// <summary>Gather speech: the media session's received audio goes to an endpointer while the Gather listens.</summary>
internal abstract partial class SipCallLeg : ISpeechCall
{
    /// <inheritdoc />
    public async Task<SpeechInput> CollectSpeechAsync(IReadOnlyList<Prompt> prompts, SpeechInputOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowUnlessAnswered(cancellationToken);
        Digits.Clear();
        using var operation = Link(cancellationToken);
        var detector = new UtteranceDetector(options.SpeechTimeout, options.MaxLength);
        Media.ListenTo(detector);
        try
        {
            return await SpeechCollector.PlayAndListenAsync(this, detector, prompts, options, _time, operation.Token);
        }
        finally
        {
            Media.ListenTo(null);
        }
    }
}
