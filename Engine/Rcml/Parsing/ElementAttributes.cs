using System.Globalization;
using System.Runtime.CompilerServices;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Parsing;

/// <summary>
/// Typed reading of one element's attributes. Each getter marks the attribute used and returns null when
/// it is absent or its value cannot be read (after reporting why, at the attribute); <see cref="Finish"/>
/// then reports what was never used.
/// </summary>
internal readonly struct ElementAttributes(RawElement element, RcmlTreeBuilder builder)
{
    /// <summary>The trimmed value; null when absent.</summary>
    public string? String(string name) => Find(name)?.Value;

    /// <summary>
    /// A URL, absolute or relative to the document's URL. An empty value means "none" (null), except where
    /// <paramref name="keepEmpty"/> says it has a meaning of its own (<c>waitUrl=""</c>: no wait music).
    /// </summary>
    public Uri? Url(string name, bool keepEmpty = false)
    {
        var attribute = Find(name);
        if (attribute is null || (attribute.Value.Length == 0 && !keepEmpty))
        {
            return null;
        }

        if (RcmlUrls.TryCreate(attribute.Value, out var url))
        {
            return url;
        }

        Invalid(attribute, "a URL");
        return null;
    }

    /// <summary><c>GET</c> or <c>POST</c>.</summary>
    public RcmlHttpMethod? Method(string name = "method") => Word(name, RcmlValues.Methods);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool? Bool(string name) => Word(name, RcmlValues.Booleans) is { } truth ? truth == RcmlValues.Truth.True : null;

    /// <summary>A whole number (its range is the validator's concern).</summary>
    public int? Integer(string name)
    {
        var attribute = Find(name);
        if (attribute is null)
        {
            return null;
        }

        if (int.TryParse(attribute.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Invalid(attribute, "a whole number");
        return null;
    }

    /// <summary>A whole number of seconds.</summary>
    public TimeSpan? Seconds(string name) => Integer(name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary><c>auto</c> or a whole number of seconds.</summary>
    public SpeechTimeout? SpeechTimeout(string name)
    {
        var attribute = Find(name);
        if (attribute is null)
        {
            return null;
        }

        if (attribute.Value == "auto")
        {
            return Ast.SpeechTimeout.Auto;
        }

        if (int.TryParse(attribute.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return new SpeechTimeout(TimeSpan.FromSeconds(seconds));
        }

        Invalid(attribute, "'auto' or a whole number of seconds");
        return null;
    }

    /// <summary>One of the words of <paramref name="map"/>.</summary>
    public T? Word<T>(string name, WordMap<T> map)
        where T : struct, Enum
    {
        var attribute = Find(name);
        if (attribute is null)
        {
            return null;
        }

        if (!map.TryGet(attribute.Value, out var value, out var canonical))
        {
            Invalid(attribute, map.Allowed);
            return null;
        }

        if (canonical is not null)
        {
            builder.Warning(RcmlDiagnosticCodes.NonCanonicalValue, attribute.Span, element,
                $"{element.Name} {name}=\"{attribute.Value}\" is read as '{canonical}'; write '{canonical}'");
        }

        return value;
    }

    /// <summary>A list of words of <paramref name="map"/> separated by spaces or commas, combined as flags.</summary>
    public T? Words<T>(string name, WordMap<T> map)
        where T : struct, Enum
    {
        var attribute = Find(name);
        if (attribute is null)
        {
            return null;
        }

        var combined = 0;
        var text = attribute.Value.AsSpan();
        foreach (var range in text.SplitAny(" ,\t\r\n"))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (!map.TryGet(word, out var value, out _))
            {
                builder.Error(RcmlDiagnosticCodes.InvalidAttributeValue, attribute.Span, element,
                    $"{element.Name} {name}: '{word}' is not one of {map.Allowed} (separate several with spaces or commas)");
                return null;
            }

            combined |= Unsafe.BitCast<T, int>(value);
        }

        return Unsafe.BitCast<int, T>(combined);
    }

    /// <summary>Reports the attributes no getter used, and returns them for the node's <c>UnknownAttributes</c>.</summary>
    public IReadOnlyList<RcmlAttribute> Finish()
    {
        List<RcmlAttribute>? unknown = null;
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Consumed)
            {
                continue;
            }

            (unknown ??= []).Add(new RcmlAttribute(attribute.Name, attribute.Value, attribute.Span));
            if (RcmlVocabulary.UnsupportedAttributes.TryGetValue(element.Name, out var unsupported) && unsupported.Contains(attribute.Name))
            {
                builder.Warning(RcmlDiagnosticCodes.UnsupportedAttribute, attribute.Span, element,
                    $"{element.Name} {attribute.Name}: RcmlEngine does not implement this TwiML attribute; it is ignored");
                continue;
            }

            var known = RcmlSchema.Attributes.TryGetValue(element.Name, out var names) ? names : [];
            builder.Warning(RcmlDiagnosticCodes.UnknownAttribute, attribute.Span, element,
                $"<{element.Name}> has no attribute '{attribute.Name}'; it is ignored.{Suggestions.Hint(attribute.Name, known)}");
        }

        return unknown ?? (IReadOnlyList<RcmlAttribute>)[];
    }

    private RawAttribute? Find(string name)
    {
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name == name)
            {
                attribute.Consumed = true;
                return attribute;
            }
        }

        return null;
    }

    private void Invalid(RawAttribute attribute, string expected) =>
        builder.Error(RcmlDiagnosticCodes.InvalidAttributeValue, attribute.Span, element,
            $"{element.Name} {attribute.Name}=\"{RcmlText.Shorten(attribute.Value)}\" is not {expected}");
}
