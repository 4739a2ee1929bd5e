using Microsoft.Extensions.Configuration;

namespace RcmlEngine.Hosting;

/// <summary>
/// Builds the engine's configuration: <c>appsettings.json</c> in the current folder (optional), then the
/// file named by <c>--config</c> (required when named), then environment variables <c>RCML__...</c>
/// (<c>RCML__Sip__UdpPort=5070</c>, <c>RCML__Applications__0__User=ivr</c>); later sources win.
/// </summary>
internal static class EngineConfiguration
{
    /// <summary>The prefix of the environment variables read (removed before binding).</summary>
    public const string EnvironmentPrefix = "RCML__";

    /// <summary>The optional settings file in the current folder.</summary>
    public const string DefaultFile = "appsettings.json";

    /// <summary>Builds the configuration; throws <see cref="FileNotFoundException"/> when <paramref name="configFile"/> is missing.</summary>
    public static IConfigurationRoot Build(string? configFile = null, string? folder = null)
    {
        var basePath = Path.GetFullPath(folder ?? Directory.GetCurrentDirectory());
        var builder = new ConfigurationBuilder()
            .SetBasePath(basePath)
            .AddJsonFile(DefaultFile, optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile, basePath);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"configuration file {path} not found", path);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables(EnvironmentPrefix).Build();
    }

    /// <summary>Binds <see cref="EngineOptions"/> from <paramref name="configuration"/>'s root and applies <paramref name="overrides"/>.</summary>
    public static EngineOptions Bind(IConfiguration configuration, EngineOverrides? overrides = null)
    {
        var options = new EngineOptions();
        configuration.Bind(options);
        overrides?.ApplyTo(options);
        return options;
    }
}
