namespace RcmlEngine.Rtp.Dtmf;

/// <summary>
/// The DTMF event codes of RFC 4733 3.2 (0-9, * = 10, # = 11, A-D = 12-15) and the keypad
/// frequencies of ITU-T Q.23 used to play a digit in band.
/// </summary>
internal static class DtmfEvents
{
    /// <summary>The digits in event-code order.</summary>
    public const string Digits = "0123456789*#ABCD";

    private static readonly int[] LowGroup = [697, 770, 852, 941];
    private static readonly int[] HighGroup = [1209, 1336, 1477, 1633];

    /// <summary>The digit of an event code, or false for a code that is not a DTMF digit (e.g. 16, flash).</summary>
    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        digit = eventCode < Digits.Length ? Digits[eventCode] : '\0';
        return eventCode < Digits.Length;
    }

    /// <summary>The event code of a digit (case-insensitive for A-D), or false for any other character.</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        var index = Digits.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>True for 0-9, *, #, A-D.</summary>
    public static bool IsDigit(char digit) => TryGetEventCode(digit, out _);

    /// <summary>The low and high tone frequencies of a digit on the keypad (Q.23).</summary>
    public static (int Low, int High) Frequencies(char digit)
    {
        var position = char.ToUpperInvariant(digit) switch
        {
            '1' => (0, 0), '2' => (0, 1), '3' => (0, 2), 'A' => (0, 3),
            '4' => (1, 0), '5' => (1, 1), '6' => (1, 2), 'B' => (1, 3),
            '7' => (2, 0), '8' => (2, 1), '9' => (2, 2), 'C' => (2, 3),
            '*' => (3, 0), '0' => (3, 1), '#' => (3, 2), 'D' => (3, 3),
            _ => throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF digit"),
        };
        return (LowGroup[position.Item1], HighGroup[position.Item2]);
    }
}
