using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Cli.Commands;

/// <summary>
/// <c>rcml parse FILE [--json]</c>: prints the document the engine reads from a file (an outline, or the
/// whole AST as JSON) followed by its diagnostics. Exit code 0 without errors, 1 with errors, 2 on bad usage.
/// </summary>
internal static class ParseCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },

        // A terminal, not a web page: keep '+' and '&' readable in SIP URIs and phone numbers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutElementName } },
    };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The RCML file to parse" };
        var json = new Option<bool>("--json") { Description = "Print the AST and diagnostics as JSON" };
        var command = new Command("parse", "Parse an RCML document and print what the engine reads from it.") { file, json };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(file)!, parse.GetValue(json), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string path, bool json, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"rcml parse: {path}: no such file").ConfigureAwait(false);
            return RcmlCommandLine.UsageError;
        }

        var stream = File.OpenRead(path);
        RcmlParseResult result;
        await using (stream.ConfigureAwait(false))
        {
            result = await RcmlParser.Default.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        if (json)
        {
            await output.WriteLineAsync(ToJson(result)).ConfigureAwait(false);
        }
        else
        {
            if (result.Document is { } document)
            {
                await output.WriteAsync(RcmlOutline.Write(document)).ConfigureAwait(false);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                await output.WriteLineAsync(ValidateCommand.Format(path, diagnostic)).ConfigureAwait(false);
            }
        }

        return result.HasErrors ? ValidateCommand.HasErrors : ValidateCommand.Clean;
    }

    /// <summary>The "verb" and "noun" discriminators already name each element.</summary>
    private static void WithoutElementName(JsonTypeInfo type)
    {
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == "elementName")
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>The result as JSON: <c>{ "document": {...}, "diagnostics": [...] }</c>.</summary>
    public static string ToJson(RcmlParseResult result) => JsonSerializer.Serialize(
        new
        {
            document = result.Document,
            diagnostics = result.Diagnostics.Select(d => new
            {
                code = d.Code,
                severity = d.IsError ? "error" : "warning",
                line = d.Line,
                column = d.Column,
                message = d.Message,
            }),
        },
        Json);
}
