using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Dialing;
using RcmlEngine.Calls.Records;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Tests.Execution;

/// <summary>
/// The interpreter wired as the engine wires it (<c>AddExecution</c>), with an in-memory application,
/// recorded callbacks and debugger notifications, a fake clock, and recordings in a temporary folder.
/// </summary>
internal sealed class InterpreterHarness : IDisposable
{
    public const string AuthToken = "harness-token";

    private readonly ServiceProvider _provider;

    public InterpreterHarness(Action<ExecutionOptions>? configure = null, bool withDialer = false, bool withRecords = false,
        Action<IServiceCollection>? extraServices = null)
    {
        Dialer = new VirtualDialer(Time, request => CalleeFor(request));
        RecordingsFolder = Directory.CreateTempSubdirectory("rcml-exec-tests").FullName;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDocumentFetcher>(App);
        services.AddSingleton<ICallbackDispatcher>(Callbacks);
        services.AddSingleton<IDebuggerNotifier>(Debugger);
        if (withDialer)
        {
            services.AddSingleton<ICallDialer>(Dialer);
        }

        if (withRecords)
        {
            Keeper = new CallRecordKeeper(CallRecords, NullLogger<CallRecordKeeper>.Instance);
            services.AddSingleton(Keeper);
            services.AddSingleton<IRecordingCatalog>(Catalog);
        }

        extraServices?.Invoke(services);
        services.AddExecution(configure, recordings =>
        {
            recordings.Folder = RecordingsFolder;
            recordings.BaseUrl = new Uri("http://engine.test/");
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new();

    /// <summary>Call records the keeper wrote, when the harness was made <c>withRecords</c>.</summary>
    public FakeCallRecordStore CallRecords { get; } = new();

    /// <summary>The keeper tracking every call and Dial leg, when the harness was made <c>withRecords</c>.</summary>
    public CallRecordKeeper? Keeper { get; }

    /// <summary>Recordings catalogued, when the harness was made <c>withRecords</c>.</summary>
    public FakeRecordingCatalog Catalog { get; } = new();

    /// <summary>Places the Dial legs when the harness was made <c>withDialer</c>.</summary>
    public VirtualDialer Dialer { get; }

    /// <summary>How each dialed party behaves; default rings 2 s, answers, talks 5 s.</summary>
    public Func<DialRequest, VirtualCallee> CalleeFor { get; set; } = _ => new VirtualCallee();

    public FakeDocumentFetcher App { get; } = new();

    public RecordingCallbackDispatcher Callbacks { get; } = new();

    public RecordingDebuggerNotifier Debugger { get; } = new();

    public string RecordingsFolder { get; }

    public RcmlInterpreter Interpreter => Get<RcmlInterpreter>();

    public CallAccount Account { get; } = new()
    {
        AccountSid = TwilioSid.New(TwilioSid.AccountPrefix),
        AuthToken = AuthToken,
        DebuggerWebhook = FakeDocumentFetcher.Url("/debugger"),
    };

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static CallApplication Application(string path = "/voice.xml") => new() { VoiceUrl = FakeDocumentFetcher.Url(path) };

    /// <summary>A phone whose prompts take realistic (fake) time: a word 400 ms, an audio file 3 s.</summary>
    public VirtualPhone NewPhone(IVirtualCaller? caller = null, VirtualPhoneOptions? options = null) =>
        new(new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = Account.AccountSid,
            From = "+15550001111",
            To = "+15550002222",
        }, Time, options ?? new VirtualPhoneOptions { KeyInterval = TimeSpan.Zero, DigitLength = TimeSpan.Zero }, caller);

    public Task<CallRunResult> RunAsync(VirtualPhone phone, CancellationToken ct, CallApplication? application = null) =>
        Interpreter.RunAsync(phone, application ?? Application(), Account, ct);

    /// <summary>Serves <paramref name="xml"/> as the voice URL and runs a call with <paramref name="caller"/>.</summary>
    public async Task<(CallRunResult Result, VirtualPhone Phone)> RunDocumentAsync(string xml, CancellationToken ct, IVirtualCaller? caller = null)
    {
        App.Map("/voice.xml", xml);
        var phone = NewPhone(caller, VirtualPhoneOptions.Instant);
        return (await RunAsync(phone, ct), phone);
    }

    /// <summary>
    /// Moves the fake clock 250 ms at a time, letting the call's tasks run between steps, until
    /// <paramref name="done"/> holds (at most <paramref name="max"/> of fake time, default 2 minutes).
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, CancellationToken ct, TimeSpan? max = null)
    {
        var step = TimeSpan.FromMilliseconds(250);
        var left = max ?? TimeSpan.FromMinutes(2);
        while (!done() && left > TimeSpan.Zero)
        {
            Time.Advance(step);
            left -= step;
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System, ct);
        }

        done().Should().BeTrue("the awaited state should come within the fake time allowed");
    }

    /// <summary>Moves the fake clock until <paramref name="run"/> ends, and returns its result.</summary>
    public async Task<CallRunResult> FinishAsync(Task<CallRunResult> run, CancellationToken ct)
    {
        await AdvanceUntilAsync(() => run.IsCompleted, ct);
        return await run;
    }

    public void Dispose()
    {
        _provider.Dispose();
        Keeper?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(RecordingsFolder, recursive: true);
    }
}
