using RcmlEngine.Calls.Virtual;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Rcml.Ast;

namespace RcmlEngine.Tests.Execution;

[TestFixture]
public sealed class VerbDispatcherTests
{
    private static readonly Type[] VerbTypes = [.. typeof(RcmlVerb).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(RcmlVerb)) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    [Test]
    public void EveryVerbType_HasAnExecutorClass()
    {
        var executed = typeof(VerbDispatcher).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IVerbExecutor<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        VerbTypes.Should().HaveCountGreaterThanOrEqualTo(12);
        VerbTypes.Where(v => !executed.Contains(v)).Should().BeEmpty("every verb of the AST needs an IVerbExecutor<TVerb>");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EveryVerbType_IsDispatchedToItsExecutor(CancellationToken ct)
    {
        using var harness = new InterpreterHarness();
        var dispatcher = harness.Get<VerbDispatcher>();

        foreach (var type in VerbTypes)
        {
            using var phone = harness.NewPhone(new ScriptedCaller([string.Empty]), VirtualPhoneOptions.Instant);
            var session = new RcmlEngine.Execution.CallSession(phone, InterpreterHarness.Application(), harness.Account);
            var verb = (RcmlVerb)Activator.CreateInstance(type)!;
            verb = verb switch
            {
                GatherVerb gather => gather with { Timeout = TimeSpan.Zero },
                RecordVerb record => record with { MaxLength = TimeSpan.Zero, PlayBeep = false },
                PlayVerb play => play with { Digits = "1" },
                PauseVerb pause => pause with { Length = TimeSpan.Zero },
                EnqueueVerb enqueue => enqueue with { QueueName = "full", MaxQueueSize = 0 },
                _ => verb,
            };

            var dispatching = () => dispatcher.ExecuteAsync(verb, session, ct);

            await dispatching.Should().NotThrowAsync($"<{verb.ElementName}> must have an executor");
        }
    }
}
