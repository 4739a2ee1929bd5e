using System.CommandLine;

namespace RcmlEngine.Cli.Commands;

/// <summary>Every subcommand of <c>rcml</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return ValidateCommand.Create();
        yield return ParseCommand.Create();
        yield return RunCommand.Create();
        yield return ServeCommand.Create();
        yield return CallCommand.Create();
        yield return SipResponderCommand.Create();
    }
}
