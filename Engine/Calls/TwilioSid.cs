namespace RcmlEngine.Calls;

/// <summary>
/// Twilio-style identifiers: a two-letter prefix and 32 lowercase hexadecimal digits
/// (<c>CA</c> calls, <c>AC</c> accounts, <c>RE</c> recordings).
/// </summary>
internal static class TwilioSid
{
    /// <summary>The prefix of a call's sid.</summary>
    public const string CallPrefix = "CA";

    /// <summary>The prefix of an account's sid.</summary>
    public const string AccountPrefix = "AC";

    /// <summary>The prefix of a recording's sid.</summary>
    public const string RecordingPrefix = "RE";

    private const int HexLength = 32;

    /// <summary>A new random sid with <paramref name="prefix"/> (122 random bits: a version 4 GUID).</summary>
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N");

    /// <summary>A new <c>CA</c> sid.</summary>
    public static string NewCallSid() => New(CallPrefix);

    /// <summary>True when <paramref name="value"/> is <paramref name="prefix"/> followed by 32 lowercase hex digits.</summary>
    public static bool IsValid(string? value, string prefix)
    {
        if (value is null || value.Length != prefix.Length + HexLength || !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
