using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Tests.Support;
using RcmlEngine.Webhooks;
using RcmlEngine.Webhooks.Callbacks;

namespace RcmlEngine.Tests.Execution;

/// <summary>
/// The interpreter with the real Webhooks layer (HTTP clients, signing, the persistent ordered callback
/// queue, started) talking to a real <see cref="TestWebApp"/> on 127.0.0.1, on the system clock.
/// </summary>
internal sealed class WebInterpreterHarness : IAsyncDisposable
{
    public const string AuthToken = "12345";

    private readonly ServiceProvider _provider;
    private readonly string _folder;

    private WebInterpreterHarness(TestWebApp app, Action<WebhookOptions>? configure)
    {
        App = app;
        _folder = Directory.CreateTempSubdirectory("rcml-web-exec-tests").FullName;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddWebhooks(options =>
        {
            options.Fetch.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.Callbacks.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.Callbacks.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            options.Queue.RedeliveryDelay = TimeSpan.FromMilliseconds(20);
            options.Queue.MaxRedeliveryDelay = TimeSpan.FromMilliseconds(100);
            options.Queue.StorePath = Path.Combine(_folder, "callbacks.db");
            configure?.Invoke(options);
        });
        services.AddExecution(configureRecordings: recordings =>
        {
            recordings.Folder = Path.Combine(_folder, "recordings");
            recordings.BaseUrl = app.BaseUrl;
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public TestWebApp App { get; }

    public RcmlInterpreter Interpreter => _provider.GetRequiredService<RcmlInterpreter>();

    public CallbackDispatcher Dispatcher => _provider.GetRequiredService<CallbackDispatcher>();

    public CallAccount Account => new()
    {
        AccountSid = "AC0123456789abcdef0123456789abcdef",
        AuthToken = AuthToken,
        DebuggerWebhook = App.Url("/debugger"),
    };

    public static async Task<WebInterpreterHarness> StartAsync(CancellationToken ct, Action<WebhookOptions>? configure = null)
    {
        var app = await TestWebApp.StartAsync(ct);
        var harness = new WebInterpreterHarness(app, configure);
        await harness.Dispatcher.StartAsync(ct);
        return harness;
    }

    public VirtualPhone NewPhone(IVirtualCaller? caller = null) =>
        new(new CallInfo
        {
            CallSid = TwilioSid.NewCallSid(),
            AccountSid = Account.AccountSid,
            From = "+15550001111",
            To = "+15550002222",
            CallerName = "Alice",
            SipCallId = "a84b4c76e66710@pc33.example.com",
            SipSourceIp = "127.0.0.1",
            SipHeaders = [new("X-Customer-Id", "42")],
        }, TimeProvider.System, VirtualPhoneOptions.Instant, caller);

    public CallApplication Application(string path = "/voice") => new() { VoiceUrl = App.Url(path) };

    public Task<CallRunResult> RunAsync(VirtualPhone phone, CallApplication application, CancellationToken ct) =>
        Interpreter.RunAsync(phone, application, Account, ct);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await App.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
