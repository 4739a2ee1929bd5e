using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RcmlEngine.Hosting;
using RcmlEngine.Sip.UserAgent;

namespace RcmlEngine.Cli.Commands;

/// <summary>
/// <c>rcml serve</c>: answers SIP calls (UDP and TCP) with the configured applications, or with the
/// samples when none is configured, until Ctrl+C; then hangs up every call (BYE) and stores the
/// callbacks not yet delivered.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The engine could not start (a port in use...).</summary>
    public const int StartFailed = 1;

    public static Command Create()
    {
        var flags = new ServeFlags();
        var command = new Command("serve",
            "Answer SIP calls with RCML applications (with none configured: the samples, e.g. sip:hello@127.0.0.1) until Ctrl+C.");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(flags.ReadConfigFile(parse), flags.ReadOverrides(parse), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the engine until <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM); returns the exit code.</summary>
    public static async Task<int> RunAsync(string? configFile, EngineOverrides overrides, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = EngineHost.Build(EngineConfiguration.Build(configFile), overrides);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or FormatException or OptionsValidationException)
        {
            await ReportAsync(errors, exception);
            return RcmlCommandLine.UsageError;
        }

        await using (app)
        {
            if (PortPreflight.FindConflict(app.Services.GetRequiredService<IOptions<EngineOptions>>().Value) is { } conflict)
            {
                await errors.WriteLineAsync($"rcml serve: {conflict}");
                return RcmlCommandLine.UsageError;
            }

            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is SocketException or IOException or OptionsValidationException)
            {
                await ReportAsync(errors, exception);
                return exception is OptionsValidationException ? RcmlCommandLine.UsageError : StartFailed;
            }
            catch (InvalidOperationException exception) when (ConfigValueErrors.Describe(exception) is { } sentence)
            {
                // A section bound only as the engine starts (Webhooks, Api, Records...) holds a value that does not convert.
                await errors.WriteLineAsync($"rcml serve: {sentence}");
                return RcmlCommandLine.UsageError;
            }

            await output.WriteLineAsync(Banner(app.Services));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken)
                    .WaitAsync(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop below.
            }

            await output.WriteLineAsync("rcml serve: stopping (new calls get 503, calls in progress may finish for Limits:DrainTimeout, then are hung up; undelivered callbacks are stored)");
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    internal static string Banner(IServiceProvider services)
    {
        var stack = services.GetRequiredService<SipStack>();
        var samples = services.GetRequiredService<SampleApplications>();
        var http = services.GetRequiredService<EngineHttpAddress>();
        var sip = string.Join(", ", stack.LocalEndPoints.Select(e => $"{e.Transport.ToString().ToUpperInvariant()} {e.EndPoint}"));
        var port = stack.LocalEndPoints[0].EndPoint.Port;
        var suffix = port == Sip.Transport.SipListenOptions.DefaultPort ? string.Empty : $":{port}";
        var router = services.GetRequiredService<ApplicationRouter>();
        var routed = router.HasApplications
            ? $"the configured applications ({string.Join(", ", router.Targets.Select(t => $"sip:{t}@..."))})"
            : !samples.RoutesCalls ? "nothing (no application; the samples answer only when neither applications nor trunks are configured, and a samples folder is found)" : $"the samples: call sip:hello@127.0.0.1{suffix} or sip:ivr@127.0.0.1{suffix}";
        return $"rcml serve: SIP on {sip}; HTTP on {http.BoundAddress} (applications reach it at {http.PublicBaseUrl}); answering {routed}. Ctrl+C stops.";
    }

    private static async Task ReportAsync(TextWriter errors, Exception exception)
    {
        var messages = exception is OptionsValidationException validation ? validation.Failures : [exception.Message];
        foreach (var message in messages)
        {
            await errors.WriteLineAsync($"rcml serve: {message}");
        }
    }
}
