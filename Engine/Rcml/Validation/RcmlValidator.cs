using System.Buffers;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Rcml.Validation;

/// <summary>
/// The semantic rules of RCML, checked on a built document: ranges, required content, what may be nested
/// or combined, reachability, and the limits Twilio documents. Stateless and thread-safe; works on any
/// <see cref="RcmlDocument"/>, parsed or built in code. Diagnostics point at the element concerned.
/// </summary>
internal static partial class RcmlValidator
{
    /// <summary>The longest duration accepted where TwiML documents no bound: one day.</summary>
    public const int MaxSeconds = 86400;

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    private static readonly SearchValues<char> PhoneCharacters = SearchValues.Create("0123456789 -.()+");

    /// <summary>Checks a document; returns its diagnostics in document order.</summary>
    public static IReadOnlyList<RcmlDiagnostic> Validate(RcmlDocument document)
    {
        var diagnostics = new List<RcmlDiagnostic>();
        Validate(document, diagnostics);
        return diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToArray();
    }

    /// <summary>Checks a document, adding what it finds to <paramref name="diagnostics"/>.</summary>
    public static void Validate(RcmlDocument document, ICollection<RcmlDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        RcmlVerb? ender = null;
        var reported = false;
        foreach (var verb in document.Verbs)
        {
            if (ender is not null && !reported)
            {
                diagnostics.Add(RcmlDiagnostic.Warning(RcmlDiagnosticCodes.UnreachableVerb, verb.Span,
                    $"<{verb.ElementName}> and what follows never run: {Why(ender)}"));
                reported = true;
            }

            Verb(verb, diagnostics);
            if (ender is null && EndsDocument(verb))
            {
                ender = verb;
            }
        }
    }

    /// <summary>True for a verb after which the document never continues.</summary>
    private static bool EndsDocument(RcmlVerb verb) =>
        verb is HangupVerb or RejectVerb or RedirectVerb or DialVerb { Action: not null } or ConnectVerb { Action: not null };

    private static string Why(RcmlVerb ender) => ender switch
    {
        HangupVerb => $"<Hangup> at {ender.Span} ends the call",
        RejectVerb => $"<Reject> at {ender.Span} ends the call",
        RedirectVerb => $"<Redirect> at {ender.Span} continues with another document",
        ConnectVerb => $"<Connect action> at {ender.Span} continues with the action's document",
        _ => $"<Dial action> at {ender.Span} continues with the action's document",
    };

    private static void Verb(RcmlVerb verb, ICollection<RcmlDiagnostic> d)
    {
        switch (verb)
        {
            case SayVerb say: Say(say, d); break;
            case PlayVerb play: Play(play, d); break;
            case PauseVerb pause: Pause(pause, d); break;
            case GatherVerb gather: Gather(gather, d); break;
            case RecordVerb record: Record(record, d); break;
            case DialVerb dial: Dial(dial, d); break;
            case RedirectVerb redirect: Redirect(redirect, d); break;
            case EnqueueVerb enqueue: Enqueue(enqueue, d); break;
            case ReferVerb refer: Refer(refer, d); break;
            case HangupVerb hangup: Parameters(d, hangup, hangup.Parameters); break;
            case RejectVerb reject: Parameters(d, reject, reject.Parameters); break;
            case StartVerb start: Start(start, d); break;
            case StopVerb stop: Stop(stop, d); break;
            case ConnectVerb connect: Connect(connect, d); break;
        }
    }

    private static void Error(ICollection<RcmlDiagnostic> d, string code, RcmlNode node, string message) =>
        d.Add(RcmlDiagnostic.Error(code, node.Span, message));

    private static void Warning(ICollection<RcmlDiagnostic> d, string code, RcmlNode node, string message) =>
        d.Add(RcmlDiagnostic.Warning(code, node.Span, message));

    private static void Range(ICollection<RcmlDiagnostic> d, RcmlNode node, string attribute, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            var bound = max == long.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Error(d, RcmlDiagnosticCodes.ValueOutOfRange, node, $"<{node.ElementName}> {attribute}=\"{value}\" is out of range; it must be {bound}");
        }
    }

    private static void Seconds(ICollection<RcmlDiagnostic> d, RcmlNode node, string attribute, TimeSpan value, int min, int max = MaxSeconds) =>
        Range(d, node, attribute, (long)value.TotalSeconds, min, max);

    /// <summary>An absolute URL must be http or https; relative URLs resolve against the document's URL.</summary>
    private static void Url(ICollection<RcmlDiagnostic> d, RcmlNode node, string attribute, Uri? url)
    {
        if (url is { IsAbsoluteUri: true } && url.Scheme is not ("http" or "https"))
        {
            Error(d, RcmlDiagnosticCodes.UnsupportedUrlScheme, node,
                $"<{node.ElementName}> {attribute} '{url.OriginalString}' uses '{url.Scheme}:'; only http and https URLs (or relative ones) are fetched");
        }
    }

    /// <summary>Keys from <c>0-9 * #</c>, plus <c>w W</c> pauses when <paramref name="pauses"/>.</summary>
    private static void Keys(ICollection<RcmlDiagnostic> d, RcmlNode node, string attribute, string keys, bool pauses, int maxLength = int.MaxValue)
    {
        var valid = keys.Length <= maxLength;
        foreach (var c in keys)
        {
            valid &= char.IsAsciiDigit(c) || c is '*' or '#' || (pauses && c is 'w' or 'W');
        }

        if (!valid)
        {
            var allowed = pauses ? "0-9, *, # and w or W (pauses)" : "0-9, * and #";
            var count = maxLength == 1 ? "one key of " : string.Empty;
            Error(d, RcmlDiagnosticCodes.InvalidKeys, node, $"<{node.ElementName}> {attribute}=\"{keys}\" is invalid: use {count}{allowed}");
        }
    }

    private static void Language(ICollection<RcmlDiagnostic> d, RcmlNode node, string language)
    {
        if (!IsLanguageTag(language))
        {
            Error(d, RcmlDiagnosticCodes.InvalidLanguage, node, $"<{node.ElementName}> language=\"{language}\" is not a language tag such as 'en-US' or 'fr'");
        }
    }

    /// <summary>BCP 47 in the shape TwiML uses: a 2-3 letter language, then subtags of 1-8 letters or digits.</summary>
    private static bool IsLanguageTag(string tag)
    {
        var first = true;
        var span = tag.AsSpan();
        foreach (var range in span.Split('-'))
        {
            var part = span[range];
            var valid = first
                ? part.Length is 2 or 3 && !part.ContainsAnyExcept(AsciiLetters)
                : part.Length is >= 1 and <= 8 && !part.ContainsAnyExcept(AsciiLettersAndDigits);
            if (!valid)
            {
                return false;
            }

            first = false;
        }

        return true;
    }
}
