using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RcmlEngine.Conferences;
using RcmlEngine.Execution.Conferencing;
using RcmlEngine.Execution.Control;
using RcmlEngine.Execution.Dialing;
using RcmlEngine.Execution.Documents;
using RcmlEngine.Execution.Outbound;
using RcmlEngine.Execution.Queueing;
using RcmlEngine.Execution.Recordings;
using RcmlEngine.Execution.Reporting;
using RcmlEngine.Execution.Requests;
using RcmlEngine.Execution.Streams;
using RcmlEngine.Execution.Transcriptions;
using RcmlEngine.Execution.Verbs;
using RcmlEngine.Queues;

namespace RcmlEngine.Execution;

/// <summary>Registers the interpreter, its executors and the recording store.</summary>
internal static class ExecutionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RcmlInterpreter"/> and everything it uses. Needs the Webhooks layer
    /// (<c>AddWebhooks</c>). Registers the default <see cref="IRcmlDocumentReader"/> and
    /// <see cref="FileSystemRecordingStore"/> unless others are registered first.
    /// </summary>
    public static IServiceCollection AddExecution(
        this IServiceCollection services,
        Action<ExecutionOptions>? configure = null,
        Action<RecordingStoreOptions>? configureRecordings = null)
    {
        services.AddOptions<ExecutionOptions>().Configure(options => configure?.Invoke(options));
        services.AddOptions<RecordingStoreOptions>().Configure(options => configureRecordings?.Invoke(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRcmlDocumentReader>(_ => new RcmlParserDocumentReader());
        services.TryAddSingleton<IRecordingStore, FileSystemRecordingStore>();
        services.TryAddSingleton<CallIssueReporter>();
        services.TryAddSingleton<StatusCallbackReporter>();
        services.TryAddSingleton<DocumentLoader>();
        services.TryAddSingleton<PromptPlayer>();
        services.TryAddSingleton<SayExecutor>();
        services.TryAddSingleton<PlayExecutor>();
        services.TryAddSingleton<PauseExecutor>();
        services.TryAddSingleton<GatherExecutor>();
        services.TryAddSingleton<RecordingTranscriber>();
        services.TryAddSingleton<RecordExecutor>();
        services.TryAddSingleton<RedirectExecutor>();
        services.TryAddSingleton<HangupExecutor>();
        services.TryAddSingleton<RejectExecutor>();
        services.TryAddSingleton<DialScreening>();
        services.TryAddSingleton<DialLegCallbacks>();
        services.TryAddSingleton<AgentBridgeNotifier>();
        services.TryAddSingleton<DialTransfers>();
        services.TryAddSingleton<DialExecutor>();
        services.TryAddSingleton<EnqueueExecutor>();
        services.TryAddSingleton<LeaveExecutor>();
        services.TryAddSingleton<ReferExecutor>();
        services.TryAddSingleton<MediaStreamRunner>();
        services.TryAddSingleton<TranscriptionRunner>();
        services.TryAddSingleton<StartExecutor>();
        services.TryAddSingleton<StopExecutor>();
        services.TryAddSingleton<ConnectExecutor>();
        services.TryAddSingleton<VerbDispatcher>();
        services.TryAddSingleton<LiveCallRegistry>();
        services.TryAddSingleton<ConferenceEventReporter>();
        services.TryAddSingleton<IAnnouncementAudio, RcmlAnnouncementAudio>();
        services.TryAddSingleton<ConferenceRegistry>();
        services.TryAddSingleton<IQueueStore, InMemoryQueueStore>();
        services.TryAddSingleton<QueueWaiters>();
        services.TryAddSingleton<QueueDocuments>();
        services.TryAddSingleton<QueueDialing>();
        services.TryAddSingleton<ConferenceMusic>();
        services.TryAddSingleton<ConferenceRoomRecorder>();
        services.TryAddSingleton<ConferenceAttendance>();
        services.TryAddSingleton<RcmlInterpreter>();
        services.TryAddSingleton<OutboundCallRecorder>();
        services.TryAddSingleton<OutboundCallLauncher>();
        return services;
    }
}
