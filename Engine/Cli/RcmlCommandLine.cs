using System.CommandLine;
using RcmlEngine.Cli.Commands;

namespace RcmlEngine.Cli;

/// <summary>The <c>rcml</c> command line: one subcommand per file in <c>Cli/Commands</c>.</summary>
internal static class RcmlCommandLine
{
    /// <summary>Exit code for bad usage (unknown command, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>
    /// How long a command may take to finish after Ctrl+C or SIGTERM before the process is ended: only a
    /// backstop, as <c>rcml serve</c> bounds its own stop (<c>Limits:DrainTimeout</c>, at most 30 minutes,
    /// plus the host's 15 s), which this must not cut short.
    /// </summary>
    private static readonly TimeSpan ProcessTerminationTimeout = TimeSpan.FromMinutes(31);

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"rcml: {error.Message}").ConfigureAwait(false);
            }

            return UsageError;
        }

        // A stopping engine drains, hangs its calls up and stores its callbacks: give Ctrl+C time for that.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = ProcessTerminationTimeout };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("RcmlEngine: a self-hosted RCML/TwiML voice application engine.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
