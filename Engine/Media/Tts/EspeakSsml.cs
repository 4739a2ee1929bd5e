using System.Collections.Frozen;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace RcmlEngine.Media.Tts;

/// <summary>
/// Rewrites SSML for espeak-ng from an allow-list of elements and attributes. espeak-ng acts on more
/// than speech markup: <c>&lt;audio src&gt;</c> makes it open a local file and run <c>sox</c> through a
/// shell, <c>xml:base</c> changes where it looks, <c>&lt;voice name&gt;</c> loads a voice file by name.
/// Anything not on the list loses its markup and keeps its text; a DTD, a comment or a processing
/// instruction is never passed on. Text is always written escaped.
/// </summary>
internal static partial class EspeakSsml
{
    // Element name -> the attributes it keeps. Everything here is speech markup with no reference to
    // a file, a URL or another document.
    private static readonly FrozenDictionary<string, FrozenSet<string>> Allowed = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["break"] = Set("time", "strength"),
        ["emphasis"] = Set("level"),
        ["lang"] = Set("xml:lang"),
        ["p"] = Set("xml:lang"),
        ["s"] = Set("xml:lang"),
        ["phoneme"] = Set("alphabet", "ph"),
        ["prosody"] = Set("rate", "pitch", "volume"),
        ["say-as"] = Set("interpret-as", "format", "detail"),
        ["sub"] = Set("alias"),
        ["w"] = Set("role"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Elements whose content is metadata, not speech: dropped with their content.
    private static readonly FrozenSet<string> Silent = Set("desc", "lexicon", "meta", "metadata", "mark");

    // Attribute values are short words, times and phonemes; a long one has no business here.
    private const int MaxAttributeLength = 200;

    // Speech markup nests a few levels; the rewriting recurses per level, so a deeper document is refused.
    private const int MaxDepth = 32;

    /// <summary>
    /// The allow-listed <c>&lt;speak&gt;</c> document for <paramref name="ssml"/>: a whole document, or
    /// a fragment of text and markup, which is wrapped.
    /// </summary>
    /// <exception cref="MediaException">The markup is not well-formed XML or holds a DTD.</exception>
    public static string Sanitize(string ssml)
    {
        ArgumentNullException.ThrowIfNull(ssml);
        var document = ssml.TrimStart().StartsWith("<speak", StringComparison.Ordinal) ? ssml : $"<speak>{ssml}</speak>";
        var output = new StringBuilder(document.Length);
        try
        {
            using var reader = new XmlTextReader(new StringReader(document))
            {
                Namespaces = false,
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                WhitespaceHandling = WhitespaceHandling.All,
            };
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "speak")
            {
                throw new MediaException("the SSML of <Say> has no <speak> root");
            }

            var language = reader.GetAttribute("xml:lang");
            output.Append("<speak");
            if (language is not null && IsLanguageTag(language))
            {
                output.Append(" xml:lang=\"").Append(language).Append('"');
            }

            output.Append('>');
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                WriteContent(reader, output, depth: 1);
            }

            return output.Append("</speak>").ToString();
        }
        catch (XmlException ex)
        {
            throw new MediaException($"the SSML of <Say> is not well-formed: {ex.Message}", ex);
        }
    }

    /// <summary>Writes nodes until the end tag at <paramref name="depth"/> (consumed).</summary>
    private static void WriteContent(XmlTextReader reader, StringBuilder output, int depth)
    {
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement when reader.Depth < depth:
                    reader.Read();
                    return;
                case XmlNodeType.Element:
                    WriteElement(reader, output);
                    continue;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    output.Append(SecurityElement.Escape(reader.Value));
                    break;
            }

            reader.Read();
        }
    }

    /// <summary>Writes the element the reader is on and its content; the reader ends after it.</summary>
    private static void WriteElement(XmlTextReader reader, StringBuilder output)
    {
        var name = reader.Name;
        var depth = reader.Depth;
        if (depth > MaxDepth)
        {
            throw new MediaException($"the SSML of <Say> nests deeper than {MaxDepth} elements");
        }

        if (Silent.Contains(name))
        {
            reader.Skip();
            return;
        }

        var empty = reader.IsEmptyElement;
        var keep = Allowed.TryGetValue(name, out var attributes);
        if (keep)
        {
            output.Append('<').Append(name);
            while (reader.MoveToNextAttribute())
            {
                if (attributes!.Contains(reader.Name) && IsSafeValue(reader.Name, reader.Value))
                {
                    output.Append(' ').Append(reader.Name).Append("=\"").Append(SecurityElement.Escape(reader.Value)).Append('"');
                }
            }

            reader.MoveToElement();
            output.Append(empty ? "/>" : ">");
        }

        reader.Read();
        if (empty)
        {
            return;
        }

        WriteContent(reader, output, depth + 1);
        if (keep)
        {
            output.Append("</").Append(name).Append('>');
        }
    }

    private static bool IsSafeValue(string attribute, string value) =>
        value.Length <= MaxAttributeLength && (attribute != "xml:lang" || IsLanguageTag(value));

    private static bool IsLanguageTag(string value) => value.Length <= 35 && LanguageTag().IsMatch(value);

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
