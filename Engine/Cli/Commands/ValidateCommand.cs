using System.CommandLine;
using RcmlEngine.Rcml;
using RcmlEngine.Rcml.Parsing;

namespace RcmlEngine.Cli.Commands;

/// <summary>
/// <c>rcml validate PATH...</c>: checks RCML files (folders are searched for <c>*.xml</c>) and prints one
/// line per diagnostic, <c>path:line:col: error|warning CODE: message</c>. Exit code 0 without errors,
/// 1 with errors, 2 on bad usage.
/// </summary>
internal static class ValidateCommand
{
    public const int Clean = 0;
    public const int HasErrors = 1;

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "RCML files, or folders searched for *.xml", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check RCML documents and print their errors and warnings.") { paths };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(paths) ?? [], Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    await errors.WriteLineAsync($"rcml validate: no *.xml file under {path}").ConfigureAwait(false);
                    return RcmlCommandLine.UsageError;
                }

                files.AddRange(found);
            }
            else
            {
                await errors.WriteLineAsync($"rcml validate: {path}: no such file or folder").ConfigureAwait(false);
                return RcmlCommandLine.UsageError;
            }
        }

        var (errorCount, warningCount) = (0, 0);
        foreach (var file in files)
        {
            var stream = File.OpenRead(file);
            RcmlParseResult result;
            await using (stream.ConfigureAwait(false))
            {
                result = await RcmlParser.Default.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                await output.WriteLineAsync(Format(file, diagnostic)).ConfigureAwait(false);
                _ = diagnostic.IsError ? errorCount++ : warningCount++;
            }
        }

        await errors.WriteLineAsync($"{files.Count} file(s): {errorCount} error(s), {warningCount} warning(s)").ConfigureAwait(false);
        return errorCount > 0 ? HasErrors : Clean;
    }

    /// <summary><c>path:line:col: error|warning CODE: message</c>.</summary>
    public static string Format(string path, RcmlDiagnostic diagnostic) =>
        $"{path}:{diagnostic.Line}:{diagnostic.Column}: {(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code}: {diagnostic.Message}";
}
