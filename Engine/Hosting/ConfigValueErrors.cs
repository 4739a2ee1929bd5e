using System.Text.RegularExpressions;

namespace RcmlEngine.Hosting;

/// <summary>
/// Turns the configuration binder's failure to convert a value (<c>"MaxCallDuration": "4h"</c>) into one
/// sentence naming the setting, the value and the form expected, instead of a stack trace.
/// </summary>
internal static partial class ConfigValueErrors
{
    /// <summary>The sentence for <paramref name="exception"/> when it is (or wraps) a conversion failure; null otherwise.</summary>
    public static string? Describe(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is InvalidOperationException && ConversionFailure().Match(current.Message) is { Success: true } match)
            {
                var (value, setting, type) = (match.Groups["value"].Value, match.Groups["setting"].Value, match.Groups["type"].Value);
                return $"{setting}: '{value}' is not {Expected(type)}";
            }
        }

        return null;
    }

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" => "a duration; write it hh:mm:ss (04:00:00 is four hours, 00:00:00.500 half a second)",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Double" => "a number",
        "System.Uri" => "a URL",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<setting>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
