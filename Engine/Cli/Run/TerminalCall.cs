using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Diagnostics;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Hosting;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Cli.Run;

/// <summary>
/// <c>rcml run</c>: one call through a document, in the terminal, on a <see cref="VirtualPhone"/>. A local
/// file is served over HTTP on 127.0.0.1 with its folder, so the first request, actions and redirects
/// (relative to it) take the real webhook path; an http(s) URL is called as it is. What the caller hears
/// goes to the output, keys come from the script or the input, errors go to the error output.
/// </summary>
internal static class TerminalCall
{
    /// <summary>The call completed and no error was reported.</summary>
    public const int Success = 0;

    /// <summary>The call ran, but an error was reported (fetch, parse, unsupported verb, limit).</summary>
    public const int CallFailed = 1;

    /// <summary>Callbacks still queued when the call ends are given this long to be delivered.</summary>
    private static readonly TimeSpan CallbackGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs the call; returns the exit code (<see cref="Success"/>, <see cref="CallFailed"/>, or usage error 2).</summary>
    public static async Task<int> RunAsync(TerminalCallSettings settings, TextReader input, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The phone, the key prompt and the loggers write from several threads.
        output = TextWriter.Synchronized(output);
        errors = TextWriter.Synchronized(errors);
        var isUrl = Uri.TryCreate(settings.Target, UriKind.Absolute, out var url) && ConfigValues.IsHttpUrl(url);
        if (!isUrl && !File.Exists(settings.Target))
        {
            await errors.WriteLineAsync($"rcml run: {settings.Target} is neither an existing file nor an http(s) URL");
            return RcmlCommandLine.UsageError;
        }

        var work = Directory.CreateTempSubdirectory("rcml-run-");
        try
        {
            await using var server = await LocalDocumentServer.StartAsync(isUrl ? null : Path.GetDirectoryName(Path.GetFullPath(settings.Target)), cancellationToken);
            var voiceUrl = isUrl ? url! : server.UrlOf(settings.Target);
            await using var services = BuildServices(settings, work.FullName, server.BaseUrl, output, errors);
            server.Recordings = services.GetRequiredService<IRecordingStore>();
            var dispatcher = services.GetRequiredService<CallbackDispatcher>();
            await dispatcher.StartAsync(cancellationToken);
            var result = await CallAsync(settings, voiceUrl, services, input, output, cancellationToken);
            using (var grace = new CancellationTokenSource(CallbackGrace))
            {
                await dispatcher.WhenIdleAsync(grace.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await output.WriteLineAsync(
                $"call ended: {result.Status.ToWebhookValue()}, {Counted.Of(result.Documents, "document")}, {Counted.Of(result.Verbs, "verb")}, {Counted.Of(result.Errors, "error")}");
            return result.Errors == 0 ? Success : CallFailed;
        }
        finally
        {
            var recorded = Path.Combine(work.FullName, "recordings");
            if (Directory.Exists(recorded) && Directory.EnumerateFiles(recorded, "*", SearchOption.AllDirectories).Any())
            {
                await output.WriteLineAsync($"recordings of this run are in {recorded}");
                File.Delete(Path.Combine(work.FullName, "callbacks.db"));
            }
            else
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static async Task<CallRunResult> CallAsync(TerminalCallSettings settings, Uri voiceUrl, ServiceProvider services,
        TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var account = new CallAccount { AccountSid = EngineOptions.DefaultAccountSid, AuthToken = settings.AuthToken };
        var info = new CallInfo { CallSid = TwilioSid.NewCallSid(), AccountSid = account.AccountSid, From = settings.From, To = settings.To };
        IVirtualCaller caller = settings.Digits is { } script ? ScriptedCaller.Parse(script) : new TextReaderCaller(input, output);
        var options = settings.Fast ? VirtualPhoneOptions.Instant with { SkipSilence = true } : new VirtualPhoneOptions();
        using var phone = new VirtualPhone(info, TimeProvider.System, options, caller, output);
        await output.WriteLineAsync($"calling {voiceUrl} from {settings.From} to {settings.To}"
            + (settings.Digits is null ? " (type keys when asked; Ctrl+C hangs up)" : $" (keys: {settings.Digits})"));
        using var hangUp = cancellationToken.Register(phone.HangUpFromCaller);
        var application = new CallApplication { VoiceUrl = voiceUrl, VoiceMethod = settings.Method };
        return await services.GetRequiredService<RcmlInterpreter>().RunAsync(phone, application, account, CancellationToken.None);
    }

    private static ServiceProvider BuildServices(TerminalCallSettings settings, string work, Uri baseUrl, TextWriter output, TextWriter errors)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(new TerminalLoggerProvider(errors, settings.Verbose ? LogLevel.Debug : LogLevel.Warning));
        });
        services.AddWebhooks(options => options.Queue.StorePath = Path.Combine(work, "callbacks.db"));
        services.AddExecution(configureRecordings: recordings =>
        {
            recordings.Folder = settings.RecordingsFolder ?? Path.Combine(work, "recordings");
            recordings.BaseUrl = baseUrl;
        });
        // Dial rings virtual parties: each answers after 2 s and talks 5 s (a client named "offline" is not registered).
        services.AddSingleton<ICallDialer>(new VirtualDialer(TimeProvider.System, output: output));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
