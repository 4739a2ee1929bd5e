using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Tests.Support;

/// <summary>Parses RCML snippets for tests; a snippet given to <see cref="Verbs"/> starts at line 1, column 11.</summary>
internal static class RcmlTestDocuments
{
    /// <summary>The column where the first verb of a <see cref="Verbs"/> snippet starts (after <c>&lt;Response&gt;</c>).</summary>
    public const int FirstVerbColumn = 11;

    public static RcmlParseResult Parse(string xml) => RcmlParser.Default.Parse(xml);

    /// <summary>Parses <c>&lt;Response&gt;</c> + <paramref name="verbs"/> + <c>&lt;/Response&gt;</c> on one line.</summary>
    public static RcmlParseResult Verbs(string verbs) => Parse($"<Response>{verbs}</Response>");

    /// <summary>The single verb of a snippet that must parse without any diagnostic.</summary>
    public static T Clean<T>(string verb)
        where T : RcmlVerb
    {
        var result = Verbs(verb);
        result.Diagnostics.Should().BeEmpty();
        return result.Document!.Verbs.Should().ContainSingle().Which.Should().BeOfType<T>().Subject;
    }

    /// <summary>The single noun of a <c>&lt;Dial&gt;</c> snippet that must parse without any diagnostic.</summary>
    public static T CleanNoun<T>(string noun)
        where T : RcmlNoun
    {
        var dial = Clean<DialVerb>($"<Dial>{noun}</Dial>");
        return dial.Nouns.Should().ContainSingle().Which.Should().BeOfType<T>().Subject;
    }

    /// <summary>The one diagnostic of a snippet, which must have <paramref name="code"/>.</summary>
    public static RcmlDiagnostic Single(string verbs, string code)
    {
        var result = Verbs(verbs);
        return result.Diagnostics.Should().ContainSingle(d => d.Code == code, "the diagnostics were: {0}", string.Join("; ", result.Diagnostics)).Subject;
    }
}
