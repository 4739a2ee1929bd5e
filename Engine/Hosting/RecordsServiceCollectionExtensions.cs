using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RcmlEngine.Calls.Records;
using RcmlEngine.Execution.Recordings;

namespace RcmlEngine.Hosting;

/// <summary>Registers the call and recording records: their SQLite file, the store, the catalog, the keeper and pruning.</summary>
internal static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RecordsOptions"/> (the <c>Records</c> section, validated on start),
    /// <see cref="SqliteRecordsDatabase"/>, <see cref="ICallRecordStore"/>, <see cref="IRecordingCatalog"/>,
    /// <see cref="CallRecordKeeper"/> (also a hosted service: registered before the SIP call service, it
    /// stops after it and writes the records of the calls hung up then) and <see cref="RecordsPruningService"/>.
    /// </summary>
    public static IServiceCollection AddCallRecords(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RecordsOptions>()
            .Bind(configuration.GetSection(RecordsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecordsOptions>, RecordsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SqliteRecordsDatabase(
            provider.GetRequiredService<IOptions<RecordsOptions>>().Value.StorePath,
            provider.GetRequiredService<ILogger<SqliteRecordsDatabase>>()));
        services.TryAddSingleton<ICallRecordStore, SqliteCallRecordStore>();
        services.TryAddSingleton<IRecordingCatalog, SqliteRecordingCatalog>();
        services.TryAddSingleton<CallRecordKeeper>();
        services.AddHostedService(provider => provider.GetRequiredService<CallRecordKeeper>());
        services.AddHostedService<RecordsPruningService>();
        return services;
    }
}
