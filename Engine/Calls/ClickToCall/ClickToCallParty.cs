using System.Buffers;
using RcmlEngine.Calls.Dialing;

namespace RcmlEngine.Calls.ClickToCall;

/// <summary>
/// A party of a click-to-call setup as the engine calls it: a SIP URI (<c>sip:...</c>), a client
/// (<c>client:alice</c>, or a bare name such as <c>alice</c>), or a phone number (digits with an optional
/// leading <c>+</c>; separators <c>-</c>, <c>.</c>, spaces and parentheses are dropped) called through the trunks.
/// </summary>
/// <param name="Target">The SIP URI, client name or number.</param>
/// <param name="Kind">What <paramref name="Target"/> names.</param>
internal sealed record ClickToCallParty(string Target, DialTargetKind Kind)
{
    private static readonly SearchValues<char> NumberSeparators = SearchValues.Create("-. ()");
    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789*#");

    /// <summary>Reads a party; false with a message when it is none of the three.</summary>
    public static bool TryParse(string text, out ClickToCallParty party, out string? error)
    {
        party = null!;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            error = "is empty";
            return false;
        }

        if (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            party = new ClickToCallParty(value, DialTargetKind.Sip);
            return true;
        }

        if (value.StartsWith("client:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["client:".Length..].Trim();
            return TryClient(value, out party, out error);
        }

        var digits = string.Concat(value.Where(c => !NumberSeparators.Contains(c)));
        if (digits.Length > 0 && IsNumber(digits))
        {
            party = new ClickToCallParty(digits, DialTargetKind.Number);
            return true;
        }

        return TryClient(value, out party, out error);
    }

    private static bool IsNumber(string digits) =>
        digits.AsSpan(digits[0] == '+' ? 1 : 0) is { Length: > 0 } rest && !rest.ContainsAnyExcept(NumberCharacters);

    private static bool TryClient(string name, out ClickToCallParty party, out string? error)
    {
        party = null!;
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '@' or ':' or '<' or '>' or '"' or ';'))
        {
            error = $"'{name}' is neither a SIP URI (sip:user@host), a client name (letters, digits, '.', '_', '-') nor a phone number";
            return false;
        }

        party = new ClickToCallParty(name, DialTargetKind.Client);
        error = null;
        return true;
    }
}
