using RcmlEngine.Rtp.Dtmf;

namespace RcmlEngine.Calls.Prompts;

/// <summary>Reads the <c>digits</c> of a <see cref="DigitsPrompt"/>: keys to send and waits between them.</summary>
internal static class DtmfSequence
{
    /// <summary>The wait of <c>w</c> (Twilio: half a second).</summary>
    public static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(500);

    /// <summary>The wait of <c>W</c> (one second).</summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromSeconds(1);

    /// <summary>True for a key RFC 4733 can carry as a DTMF event (events 0-15: <c>0-9 * # A-D</c>).</summary>
    public static bool IsKey(char c) => DtmfEvents.IsDigit(c) && !char.IsAsciiLetterLower(c);

    /// <summary>
    /// The steps of <paramref name="digits"/>: a key (with <see cref="TimeSpan.Zero"/>) or a wait (with
    /// <c>'\0'</c>). Characters that are neither (spaces, dashes) are skipped; the validator reports them.
    /// </summary>
    public static IEnumerable<(char Key, TimeSpan Wait)> Steps(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        foreach (var c in digits)
        {
            if (c == 'w')
            {
                yield return ('\0', ShortWait);
            }
            else if (c == 'W')
            {
                yield return ('\0', LongWait);
            }
            else if (IsKey(char.ToUpperInvariant(c)))
            {
                yield return (char.ToUpperInvariant(c), TimeSpan.Zero);
            }
        }
    }
}
