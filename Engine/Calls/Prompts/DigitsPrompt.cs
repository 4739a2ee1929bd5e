namespace RcmlEngine.Calls.Prompts;

/// <summary>
/// DTMF sent to the far end (<c>&lt;Play digits&gt;</c>), as RFC 4733 telephone events: <c>0-9 * # A-D</c>;
/// <c>w</c> waits half a second and <c>W</c> one second (see <see cref="DtmfSequence"/>).
/// </summary>
/// <param name="Digits">The keys and waits, as written.</param>
internal sealed record DigitsPrompt(string Digits) : Prompt;
