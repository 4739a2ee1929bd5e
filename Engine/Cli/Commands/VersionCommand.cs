using System.CommandLine;
using System.Reflection;

namespace RcmlEngine.Cli.Commands;

/// <summary><c>rcml version</c>: prints the engine's version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the engine's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"rcml {version}");
            return 0;
        });
        return command;
    }
}
