using System.Text.RegularExpressions;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Hosting;

/// <summary>Reads the words of the configuration: HTTP methods and status callback events.</summary>
internal static class ConfigValues
{
    /// <summary><c>GET</c> or <c>POST</c>, any case.</summary>
    public static bool TryParseMethod(string? text, out RcmlHttpMethod method)
    {
        method = RcmlHttpMethod.Post;
        if (string.Equals(text?.Trim(), "POST", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        method = RcmlHttpMethod.Get;
        return string.Equals(text?.Trim(), "GET", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>initiated ringing answered completed</c>, separated by spaces or commas; empty is none.</summary>
    public static bool TryParseEvents(string? text, out CallProgressEvents events, out string? unknown)
    {
        events = CallProgressEvents.None;
        unknown = null;
        foreach (var word in (text ?? string.Empty).Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "initiated":
                    events |= CallProgressEvents.Initiated;
                    break;
                case "ringing":
                    events |= CallProgressEvents.Ringing;
                    break;
                case "answered":
                    events |= CallProgressEvents.Answered;
                    break;
                case "completed":
                    events |= CallProgressEvents.Completed;
                    break;
                default:
                    unknown = word;
                    return false;
            }
        }

        return true;
    }

    /// <summary>A method already validated; throws <see cref="FormatException"/> otherwise.</summary>
    public static RcmlHttpMethod Method(string? text) =>
        TryParseMethod(text, out var method) ? method : throw new FormatException($"'{text}' is not GET or POST");

    /// <summary>Events already validated; throws <see cref="FormatException"/> otherwise.</summary>
    public static CallProgressEvents Events(string? text) =>
        TryParseEvents(text, out var events, out var unknown) ? events : throw new FormatException($"'{unknown}' is not a status callback event");

    /// <summary>
    /// A <c>NumberPattern</c> as matched: anchored to the whole user part, linear-time (no backtracking,
    /// so no pattern can stall call setup), with a match timeout as a second guard.
    /// Throws <see cref="ArgumentException"/> for an invalid or unsupported pattern.
    /// </summary>
    public static Regex NumberPattern(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(50));

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
