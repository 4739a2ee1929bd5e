using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using RcmlEngine.Calls;
using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution;
using RcmlEngine.Rcml.Ast;
using RcmlEngine.Webhooks.Callbacks;
using RcmlEngine.Webhooks.Debugger;
using RcmlEngine.Webhooks.Fetching;

namespace RcmlEngine.Benchmarks.Execution;

/// <summary>
/// One IVR call through the interpreter on an instant virtual phone, documents from memory: the engine's
/// own cost per call (fetch bookkeeping, parsing, executors, status callbacks), without network or audio.
/// </summary>
[MemoryDiagnoser]
public class InterpreterBenchmarks
{
    private static readonly Uri VoiceUrl = new("http://app.test/voice.xml");

    private ServiceProvider _provider = null!;
    private RcmlInterpreter _interpreter = null!;
    private CallApplication _application = null!;
    private CallAccount _account = null!;

    [GlobalSetup]
    public void Setup()
    {
        var app = new InMemoryApplication()
            .Map("/voice.xml", """
                <Response>
                  <Gather numDigits="1" action="/choice.xml"><Say>Press 1 for sales, 2 for support.</Say></Gather>
                  <Say>Goodbye.</Say>
                </Response>
                """)
            .Map("/choice.xml", "<Response><Say>Connecting you now.</Say><Hangup/></Response>");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDocumentFetcher>(app);
        services.AddSingleton<ICallbackDispatcher>(app);
        services.AddSingleton<IDebuggerNotifier>(app);
        services.AddExecution();
        _provider = services.BuildServiceProvider();
        _interpreter = _provider.GetRequiredService<RcmlInterpreter>();
        _account = new CallAccount { AccountSid = "AC0123456789abcdef0123456789abcdef", AuthToken = "token" };
        _application = new CallApplication
        {
            VoiceUrl = VoiceUrl,
            StatusCallback = new Uri("http://app.test/status"),
            StatusCallbackEvent = CallProgressEvents.Initiated | CallProgressEvents.Ringing | CallProgressEvents.Answered | CallProgressEvents.Completed,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public async Task<int> IvrCall()
    {
        var info = new CallInfo { CallSid = TwilioSid.NewCallSid(), AccountSid = _account.AccountSid, From = "+15550001111", To = "+15550002222" };
        using var phone = new VirtualPhone(info, TimeProvider.System, VirtualPhoneOptions.Instant, new ScriptedCaller(["1"]));
        var result = await _interpreter.RunAsync(phone, _application, _account, CancellationToken.None);
        return result.Verbs;
    }
}
