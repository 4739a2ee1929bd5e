using System.Globalization;
using RcmlEngine.Calls.Sip;

namespace RcmlEngine.Execution.Dialing;

/// <summary>
/// Turns a <c>&lt;Client&gt;</c>'s <c>&lt;Parameter name value/&gt;</c> children into INVITE headers
/// <c>X-name: value</c>, as Twilio passes them to its clients. A name must be an RFC 3261 token (25.1)
/// and a value must hold no control character (a CR or LF would forge headers); all the headers together
/// keep within the limit a <c>&lt;Sip&gt;</c> URI's headers have (<see cref="SipDialTarget.MaxHeadersCharacters"/>).
/// What does not fit those rules is skipped, with the reason.
/// </summary>
internal static class ClientParameterHeaders
{
    /// <summary>The prefix of every header made from a parameter.</summary>
    public const string Prefix = "X-";

    /// <summary>The headers, in the parameters' order, and the parameters skipped with why.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<(string Name, string Reason)> Skipped) Of(
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var headers = new List<KeyValuePair<string, string>>(parameters.Count);
        var skipped = new List<(string, string)>();

        // Counted as the URI form would write them: name=value, separated by '&'.
        var used = 0;
        foreach (var (name, value) in parameters)
        {
            var trimmed = value?.Trim() ?? string.Empty;
            if (!IsToken(name))
            {
                skipped.Add((name, "its name is not a SIP token (letters, digits and -.!%*_+`'~ only)"));
                continue;
            }

            if (trimmed.Any(char.IsControl))
            {
                skipped.Add((name, "its value holds a control character"));
                continue;
            }

            var length = (used == 0 ? 0 : 1) + Prefix.Length + name.Length + 1 + trimmed.Length;
            if (used + length > SipDialTarget.MaxHeadersCharacters)
            {
                skipped.Add((name, string.Create(CultureInfo.InvariantCulture,
                    $"the parameters' headers would exceed {SipDialTarget.MaxHeadersCharacters} characters")));
                continue;
            }

            used += length;
            headers.Add(new(Prefix + name, trimmed));
        }

        return (headers, skipped);
    }

    /// <summary>RFC 3261 25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsToken(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~');
}
