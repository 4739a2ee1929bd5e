namespace RcmlEngine.Hosting;

/// <summary>The <c>Metrics</c> section: the Prometheus endpoint and an optional OTLP exporter.</summary>
internal sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Metrics";

    /// <summary><c>Metrics:Enabled</c>: serve <c>/metrics</c> (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Metrics:Otlp:Endpoint</c> and <c>Metrics:Otlp:Protocol</c> (grpc or http/protobuf).</summary>
    public OtlpMetricsOptions Otlp { get; set; } = new();
}
