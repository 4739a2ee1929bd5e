using System.Text;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

internal sealed partial class RcmlTreeBuilder
{
    private SayVerb BuildSay(RawElement element)
    {
        var a = new ElementAttributes(element, this);
        string spoken;
        IReadOnlyList<SsmlNode> ssml = [];
        if (element.Content.All(node => node is RawText))
        {
            // Plain text, the common case: no SSML tree to build.
            spoken = RcmlText.Fold(TextOf(element).Text);
        }
        else
        {
            var text = new StringBuilder();
            var hasMarkup = false;
            var nodes = BuildSsml(element, text, ref hasMarkup);
            spoken = RcmlText.Fold(text.ToString());
            ssml = hasMarkup ? nodes : [];
        }

        return new SayVerb
        {
            Span = element.Span,
            Text = spoken,
            Ssml = ssml,
            Voice = a.String("voice") ?? SayVerb.DefaultVoice,
            Language = a.String("language") ?? SayVerb.DefaultLanguage,
            Loop = a.Integer("loop") ?? 1,
            UnknownAttributes = a.Finish(),
        };
    }

    /// <summary>The content of <c>&lt;Say&gt;</c> or of an SSML element: text goes to <paramref name="text"/> too.</summary>
    private List<SsmlNode> BuildSsml(RawElement parent, StringBuilder text, ref bool hasMarkup)
    {
        var nodes = new List<SsmlNode>();
        foreach (var node in parent.Content)
        {
            switch (node)
            {
                case RawText run:
                    text.Append(run.Text);
                    nodes.Add(new SsmlText(run.Text));
                    break;
                case RawElement child when RcmlVocabulary.IsKnown(child.Name) || RcmlVocabulary.MessagingVerbs.Contains(child.Name)
                    || RcmlVocabulary.UnsupportedElements.ContainsKey(child.Name):
                    Unexpected<RawElement>(child, "text or SSML", parent);
                    break;
                case RawElement child:
                    hasMarkup = true;
                    if (!RcmlVocabulary.SsmlElements.Contains(child.Name))
                    {
                        Warning(RcmlDiagnosticCodes.UnknownSsmlElement, child.Span, child,
                            $"<{child.Name}> is not an SSML element the synthesizer knows; its text is spoken, the markup ignored."
                            + Suggestions.Hint(child.Name, RcmlVocabulary.SsmlElements));
                        foreach (var descendant in child.DescendantsAndSelf())
                        {
                            Anchors.Add(descendant.Span);
                        }
                    }

                    var attributes = child.Attributes.Select(x => new RcmlAttribute(x.Name, x.Value, x.Span)).ToList();
                    nodes.Add(new SsmlElement(child.Name, attributes, BuildSsml(child, text, ref hasMarkup), child.Span));

                    // A break, sentence or paragraph separates the words around it; inline markup does not.
                    if (child.Name is "break" or "s" or "p")
                    {
                        text.Append(' ');
                    }

                    break;
            }
        }

        return nodes;
    }
}
