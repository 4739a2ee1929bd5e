using System.Text;
using RcmlEngine.Execution.Documents;

namespace RcmlEngine.Api;

/// <summary>The <c>Twiml</c> parameter: at most 4,000 characters (Twilio's limit), valid RCML, checked before anything is done with it.</summary>
internal static class TwimlParameter
{
    /// <summary>Twilio's limit on the parameter.</summary>
    public const int MaxLength = 4000;

    /// <summary>The document text when given and valid; otherwise records why on <paramref name="reader"/> (code 12100, errors with line and column).</summary>
    public static string? Read(ApiFormReader reader, IRcmlDocumentReader documents)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(documents);
        var twiml = reader.Form["Twiml"];
        if (string.IsNullOrWhiteSpace(twiml))
        {
            return null;
        }

        if (twiml.Length > MaxLength)
        {
            reader.Fail(ApiErrors.InvalidTwiml, $"Twiml is {twiml.Length} characters long; at most {MaxLength} are accepted");
            return null;
        }

        var reading = documents.Read(Encoding.UTF8.GetBytes(twiml));
        if (reading.IsRunnable)
        {
            return twiml;
        }

        var errors = reading.Diagnostics.Where(d => d.IsError).Take(5).Select(d => $"line {d.Line}, column {d.Column}: {d.Code}: {d.Message}").ToList();
        reader.Fail(ApiErrors.InvalidTwiml, errors.Count == 0
            ? "Twiml is not valid RCML: it has no <Response>"
            : "Twiml is not valid RCML: " + string.Join("; ", errors));
        return null;
    }
}
