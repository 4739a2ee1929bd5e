using System.Collections.Frozen;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>Twilio's limit on a SIP URI, headers excluded.</summary>
    public const int MaxSipUriCharacters = 255;

    /// <summary>Twilio's limit on the headers part of a SIP URI.</summary>
    public const int MaxSipHeadersCharacters = 1024;

    /// <summary>Standard headers Twilio passes from a SIP URI besides <c>X-</c> headers.</summary>
    public static readonly FrozenSet<string> PassedSipHeaders = FrozenSet.ToFrozenSet(
        ["User-to-User", "Remote-Party-ID", "P-Preferred-Identity", "P-Called-Party-ID"], StringComparer.OrdinalIgnoreCase);

    private static void Sip(SipNoun sip, ICollection<RcmlDiagnostic> d)
    {
        SipUri(sip, d);
        Url(d, sip, "url", sip.Url);
        StatusCallback(d, sip, sip.StatusCallbackEvent, sip.StatusCallback);
        PartyVideo(d, sip.Video);
    }

    private static void SipUri(SipNoun sip, ICollection<RcmlDiagnostic> d)
    {
        if (sip.Uri is not { } uri)
        {
            Error(d, RcmlDiagnosticCodes.MissingContent, sip, "<Sip> needs a SIP URI as its text (sip:user@host)");
            return;
        }

        if (uri.AddressLength > MaxSipUriCharacters)
        {
            Error(d, RcmlDiagnosticCodes.SipUriTooLong, sip, $"<Sip> URI has {uri.AddressLength} characters before its headers; the limit is {MaxSipUriCharacters}");
        }

        if (uri.HeadersLength > MaxSipHeadersCharacters)
        {
            Error(d, RcmlDiagnosticCodes.SipHeadersTooLong, sip, $"<Sip> URI headers have {uri.HeadersLength} characters; the limit is {MaxSipHeadersCharacters}");
        }

        foreach (var (name, value) in uri.Headers)
        {
            // Decoded names and values go into the INVITE: a CR or LF there would forge headers (RFC 3261 25.1).
            if (!name.All(IsTokenChar) || value.Any(char.IsControl))
            {
                Error(d, RcmlDiagnosticCodes.InvalidSipHeader, sip, $"<Sip> header '{Printable(name)}' has characters a SIP header cannot carry");
            }
            else if (!name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) && !PassedSipHeaders.Contains(name))
            {
                Warning(d, RcmlDiagnosticCodes.SipHeaderNotAllowed, sip,
                    $"<Sip> header '{name}' is not sent: only X- headers and User-to-User, Remote-Party-ID, P-Preferred-Identity, P-Called-Party-ID are");
            }
        }
    }

    /// <summary>RFC 3261 25.1: <c>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")</c>.</summary>
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "-.!%*_+`'~".Contains(c, StringComparison.Ordinal);

    private static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
}
