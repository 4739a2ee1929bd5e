using System.Diagnostics.CodeAnalysis;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

internal sealed partial class RcmlTreeBuilder
{
    /// <summary>
    /// Twilio's own examples write <c>&lt;Sip&gt;kate@example.com&lt;/Sip&gt;</c>: a <c>user@host</c> with no
    /// scheme is read as <c>sip:</c>, with a warning at the text. Anything else without a scheme (a
    /// <c>tel:</c> URI, a bare host) stays an error.
    /// </summary>
    private bool TryWithoutScheme(string text, SourceSpan span, RawElement element, [NotNullWhen(true)] out RcmlSipUri? uri)
    {
        uri = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (at <= 0 || (colon >= 0 && colon < at) || !RcmlSipUri.TryParse("sip:" + text, out uri, out _))
        {
            return false;
        }

        Warning(RcmlDiagnosticCodes.SipUriWithoutScheme, span, element,
            $"<Sip> URI '{RcmlText.Shorten(text)}' has no scheme and is read as 'sip:{RcmlText.Shorten(text)}'; write 'sip:' (or 'sips:') to say which");
        return true;
    }
}
