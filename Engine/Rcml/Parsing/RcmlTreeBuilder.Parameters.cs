namespace RcmlEngine.Rcml.Parsing;

internal sealed partial class RcmlTreeBuilder
{
    /// <summary>One <c>&lt;Parameter name value/&gt;</c> (of <c>Client</c>, <c>Hangup</c>, <c>Reject</c>): no content, a missing attribute is empty.</summary>
    private KeyValuePair<string, string> BuildParameter(RawElement element)
    {
        var p = new ElementAttributes(element, this);
        NoElements(element);
        NoText(element);
        var parameter = new KeyValuePair<string, string>(p.String("name") ?? string.Empty, p.String("value") ?? string.Empty);
        p.Finish();
        return parameter;
    }

    /// <summary>The <c>&lt;Parameter&gt;</c> children of an element that holds nothing else (<c>Hangup</c>, <c>Reject</c>).</summary>
    private List<KeyValuePair<string, string>> ParametersOnly(RawElement element)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var node in element.Content)
        {
            switch (node)
            {
                case RawElement { Name: "Parameter" } child:
                    parameters.Add(BuildParameter(child));
                    break;
                case RawElement child:
                    Unexpected<RawElement>(child, "<Parameter> or nothing", element);
                    break;
            }
        }

        return parameters;
    }
}
