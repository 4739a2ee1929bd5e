using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

internal static partial class RcmlValidator
{
    /// <summary>
    /// The <c>&lt;Parameter&gt;</c> pairs of <c>Client</c>, <c>Hangup</c> and <c>Reject</c>, which go out as
    /// <c>X-name: value</c> SIP headers: a name is required; one that is not a SIP token (RFC 3261 25.1),
    /// or a value with a control character, cannot be a header and is not sent.
    /// </summary>
    private static void Parameters(ICollection<RcmlDiagnostic> d, RcmlNode node, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name.Length == 0)
            {
                Error(d, RcmlDiagnosticCodes.MissingContent, node, $"<{node.ElementName}> has a <Parameter> without a name");
            }
            else if (!name.All(IsTokenChar))
            {
                Warning(d, RcmlDiagnosticCodes.SipHeaderNotAllowed, node,
                    $"<{node.ElementName}> <Parameter name=\"{Printable(name)}\"> is not sent: a SIP header name is letters, digits and -.!%*_+`'~ only");
            }
            else if (value.Any(char.IsControl))
            {
                Warning(d, RcmlDiagnosticCodes.SipHeaderNotAllowed, node,
                    $"<{node.ElementName}> <Parameter name=\"{name}\"> is not sent: its value holds a control character");
            }
        }
    }
}
