using System.Security;
using System.Text;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Execution.Prompts;

/// <summary>
/// Writes the SSML content of a <c>&lt;Say&gt;</c> as a <c>&lt;speak&gt;</c> document (SSML 1.1) for the
/// synthesizer: SSML elements and their attributes as the author wrote them, text escaped. An element
/// that is not SSML (the parser warned about it) keeps its text and loses its markup, as the warning says.
/// </summary>
internal static class SsmlWriter
{
    /// <summary><c>&lt;speak version="1.1" xml:lang="..."&gt;...&lt;/speak&gt;</c>.</summary>
    public static string Write(IReadOnlyList<SsmlNode> content, string language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder("<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"")
            .Append(SecurityElement.Escape(language)).Append("\">");
        Append(text, content);
        return text.Append("</speak>").ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<SsmlNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case SsmlText plain:
                    text.Append(SecurityElement.Escape(plain.Text));
                    break;
                case SsmlElement element when !RcmlVocabulary.SsmlElements.Contains(element.Name):
                    Append(text, element.Children);
                    break;
                case SsmlElement element:
                    text.Append('<').Append(element.Name);
                    foreach (var attribute in element.Attributes)
                    {
                        text.Append(' ').Append(attribute.Name).Append("=\"").Append(SecurityElement.Escape(attribute.Value)).Append('"');
                    }

                    if (element.Children.Count == 0)
                    {
                        text.Append("/>");
                        break;
                    }

                    text.Append('>');
                    Append(text, element.Children);
                    text.Append("</").Append(element.Name).Append('>');
                    break;
            }
        }
    }
}
