using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using RcmlEngine.Api;
using RcmlEngine.Api.CallController;
using RcmlEngine.Calls.Admission;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Records;
using RcmlEngine.Calls.Sip;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Hosting.Inspector;
using RcmlEngine.Media;
using RcmlEngine.Media.Sessions;
using RcmlEngine.Media.Speech;
using RcmlEngine.Notifications;
using RcmlEngine.Rtp;
using RcmlEngine.Sip.Registrar;
using RcmlEngine.Sip.UserAgent;
using RcmlEngine.Webhooks;

namespace RcmlEngine.Hosting;

/// <summary>
/// The serving engine as one generic host: Kestrel (recordings, and the samples under <c>/samples/</c>),
/// the SIP stack (UDP and TCP) feeding <see cref="SipCallRunner"/>, the media layer (RTP pacer and
/// poller, audio) and the webhook queue, all configured from one <see cref="IConfiguration"/>
/// (<see cref="EngineConfiguration"/>) and the command line's overrides. <c>rcml serve</c> runs it;
/// integration tests run it in-process.
/// </summary>
internal static class EngineHost
{
    /// <summary>
    /// How long a shutdown may take after the drain (<c>Limits:DrainTimeout</c>): hang-ups, callback flush,
    /// stores; the host's shutdown timeout is the drain plus this.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Builds the host (nothing listens before <c>StartAsync</c>). Throws <see cref="OptionsValidationException"/>
    /// naming every setting at fault, and <see cref="FormatException"/> naming a value that does not convert.
    /// <paramref name="logging"/> replaces the default console logging; <paramref name="services"/> adds registrations last (tests).
    /// </summary>
    public static WebApplication Build(IConfiguration configuration, EngineOverrides? overrides = null, Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        try
        {
            return BuildChecked(configuration, overrides, logging, services);
        }
        catch (InvalidOperationException exception) when (ConfigValueErrors.Describe(exception) is { } sentence)
        {
            throw new FormatException(sentence, exception);
        }
    }

    private static WebApplication BuildChecked(IConfiguration configuration, EngineOverrides? overrides, Action<ILoggingBuilder>? logging,
        Action<IServiceCollection>? services)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The sections the services bind only as they start: a value that does not convert is named here, not in a start-up stack trace.
        _ = configuration.GetSection("Webhooks").Get<WebhookOptions>();
        _ = configuration.GetSection("Api").Get<ApiOptions>();
        _ = configuration.GetSection(CallControllerOptions.SectionName).Get<CallControllerOptions>();
        _ = configuration.GetSection("Records").Get<RecordsOptions>();
        _ = configuration.GetSection("Stats").Get<EngineStatsOptions>();
        _ = configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>();
        var engine = EngineConfiguration.Bind(configuration, overrides);
        var validation = new EngineOptionsValidator().Validate(null, engine);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(EngineOptions), typeof(EngineOptions), validation.Failures);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder.Logging, configuration, logging);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(engine.Http.ListenAddress), engine.Http.Port));
        builder.Services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = engine.Limits.DrainTimeout + ShutdownTimeout;

            // A failing background service is logged by the host and the engine goes on serving calls.
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore;
        });
        builder.Services.AddRcmlEngine(configuration, overrides);
        builder.Services.AddRcmlApi(configuration);
        builder.Services.Configure<EngineStatsOptions>(configuration.GetSection("Stats"));
        builder.Services.AddEngineMetrics(configuration);
        builder.Services.AddCallInspector(configuration);
        AddMedia(builder.Services, configuration, engine);
        AddSip(builder.Services, engine);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        MapHttp(app);
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logs, IConfiguration configuration, Action<ILoggingBuilder>? logging)
    {
        logs.ClearProviders();
        logs.SetMinimumLevel(LogLevel.Information);

        // Kestrel's own chatter, HttpClient's request lines (their URLs carry phone numbers), Polly's attempts.
        logs.AddFilter("Microsoft", LogLevel.Warning);
        logs.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logs.AddFilter("Polly", LogLevel.Warning);
        logs.AddConfiguration(configuration.GetSection("Logging"));
        if (logging is not null)
        {
            logging(logs);
            return;
        }

        // Logging:Console:FormatterName json: one JSON object a line, the call's CallSid among its scopes.
        if (string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logs.AddJsonConsole(console =>
            {
                console.IncludeScopes = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                console.UseUtcTimestamp = true;
            });
            return;
        }

        logs.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
    }

    private static void AddMedia(IServiceCollection services, IConfiguration configuration, EngineOptions engine)
    {
        var rtp = configuration.GetSection("Rtp").Get<RtpOptions>() ?? new RtpOptions();
        EngineSettings.Apply(engine, rtp);
        var media = configuration.GetSection("Media").Get<MediaOptions>() ?? new MediaOptions();
        var sessions = new MediaSessionOptions();
        if (configuration.GetSection("Media:Codecs").Get<string[]>() is { Length: > 0 } codecs)
        {
            sessions.Codecs = codecs;
        }

        sessions.TelephoneEvents = configuration.GetValue("Media:TelephoneEvents", sessions.TelephoneEvents);
        EngineSettings.Apply(engine, sessions);
        var speech = configuration.GetSection("Speech").Get<SpeechOptions>() ?? new SpeechOptions();
        if (!string.Equals(speech.Recognizer, "pocketsphinx", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Speech:Recognizer '{speech.Recognizer}' is not known: the built-in recognizer is 'pocketsphinx' (see docs/speech.md to plug in another)");
        }

        services.AddRcmlMedia(rtp, media, sessions, speech);
    }

    private static void AddSip(IServiceCollection services, EngineOptions engine)
    {
        services.AddSingleton(provider => SipStack.Start(
            EngineSettings.SipStack(engine), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        if (EngineSettings.Registrar(engine) is { } registrar)
        {
            services.AddSingleton(provider => SipRegistrar.Attach(
                provider.GetRequiredService<SipStack>(), registrar, provider.GetRequiredService<ILogger<SipRegistrar>>()));
        }

        var dialPlan = EngineSettings.DialPlan(engine);
        services.AddSingleton(provider => new SipCallFactory(
            provider.GetRequiredService<SipStack>(),
            provider.GetRequiredService<MediaSessionFactory>(),
            provider.GetRequiredService<MediaSessionOptions>(),
            provider.GetRequiredService<IAudioSourceFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SipCallLeg>>(),
            dialPlan,
            provider.GetService<SipRegistrar>()));
        services.AddSingleton<ICallDialer>(provider => provider.GetRequiredService<SipCallFactory>());
        services.AddSingleton<EngineHttpAddress>();
        services.AddSingleton(provider => new SampleApplications(
            SamplesFolder.Find(engine.Samples.Folder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
            provider.GetRequiredService<EngineHttpAddress>(),
            EngineSettings.SamplesMode(engine),
            engine.Samples.Serve ?? EngineSettings.SamplesMode(engine)));
        services.AddSingleton(provider => new CallAdmission(
            EngineSettings.Admission(engine), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<CallAdmission>>()));
        services.AddSingleton<SipCallRunner>();
        services.AddHostedService<EngineStatsReporter>();

        // Registered after the webhook queue: stopped before it, so the calls' last callbacks are queued in time.
        services.AddHostedService<SipCallService>();
    }

    private static void MapHttp(WebApplication app)
    {
        app.MapRcmlApi();
        DrainEndpoint.Map(app);
        HealthEndpoints.Map(app);
        MetricsEndpoint.Map(app);
        ConsoleEndpoints.Map(app);
        app.MapScalarApiReference("/api-reference");
        app.MapGet("/", (ApplicationRouter router, SampleApplications samples, EngineHttpAddress http, SipStack stack) =>
            FrontPage.Render(router, samples, http, stack.LocalEndPoints[0].EndPoint.Port)).ExcludeFromDescription();
        var samples = app.Services.GetRequiredService<SampleApplications>();
        var files = new DocumentFiles(samples.ServedFolder, () => app.Services.GetRequiredService<IRecordingStore>());
        var prefix = "/" + SamplesFolder.Name + "/";
        // Last in line: what no endpoint (the REST API, recording media) took.
        app.MapFallback("{**path}", context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (RecordingPaths.TryMatch(path, out _, out _))
            {
                return files.HandleAsync(context, path);
            }

            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return files.HandleAsync(context, path[prefix.Length..]);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
