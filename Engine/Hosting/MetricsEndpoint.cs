using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using RcmlEngine.Api;

namespace RcmlEngine.Hosting;

/// <summary>
/// OpenTelemetry metrics: every <c>RcmlEngine.*</c> meter, Polly's and the .NET runtime's (GC, thread
/// pool), scraped at <c>/metrics</c> in Prometheus text and pushed with OTLP when <c>Metrics:Otlp:Endpoint</c>
/// is set. <c>/metrics</c> takes the API's credentials (HTTP Basic, any configured account), or none from
/// loopback when no account is configured, as the API does.
/// </summary>
internal static class MetricsEndpoint
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the meter provider and its exporters.</summary>
    public static void AddEngineMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return;
        }

        services.AddSingleton<EngineGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter("RcmlEngine.*", "Polly")
                .AddInstrumentation(provider => provider.GetRequiredService<EngineGauges>())
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter();
            if (options.Otlp.Endpoint is { } endpoint)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = endpoint;
                    exporter.Protocol = string.Equals(options.Otlp.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
                        ? OtlpExportProtocol.HttpProtobuf
                        : OtlpExportProtocol.Grpc;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.Otlp.Interval.TotalMilliseconds;
                });
            }
        });
    }

    /// <summary>Maps <c>/metrics</c> behind the API's authentication (when metrics are enabled).</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<EngineGauges>() is null)
        {
            return;
        }

        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            var accounts = context.RequestServices.GetRequiredService<ApiAccounts>();
            if (accounts.Authenticate(context.Request.Headers.Authorization, context.Connection.RemoteIpAddress) is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"rcml\"";
                return;
            }

            await next(context);
        }), optionsName: null).ExcludeFromDescription();
    }
}
