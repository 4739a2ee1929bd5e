using System.Globalization;

namespace RcmlEngine.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 20.16): a sequence number below 2^31 and a method.</summary>
internal readonly record struct SipCSeq(long Number, string Method)
{
    /// <summary>RFC 3261 8.1.1.5: the sequence number MUST be less than 2**31.</summary>
    public const long MaxNumber = (1L << 31) - 1;

    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method}";

    public static bool TryParse(string value, out SipCSeq cseq, out string error)
    {
        cseq = default;
        var text = value.AsSpan().Trim(" \t");
        var space = text.IndexOfAny(' ', '\t');
        if (space < 0)
        {
            error = "CSeq needs a number and a method";
            return false;
        }

        if (!SipGrammar.TryParseDecimal(text[..space], MaxNumber, out var number))
        {
            error = $"CSeq number '{text[..space]}' is not a number below 2^31";
            return false;
        }

        var method = text[space..].Trim(" \t");
        if (!SipGrammar.IsToken(method))
        {
            error = $"CSeq method '{method}' is not a token";
            return false;
        }

        error = string.Empty;
        cseq = new SipCSeq(number, SipMethods.Intern(method));
        return true;
    }
}
